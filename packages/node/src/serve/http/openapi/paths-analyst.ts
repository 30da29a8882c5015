import { AUTH_ERRORS, BAD_REQUEST, json, NOT_FOUND, ok, ref } from './common.js'
import type { PathItemObject } from './types.js'

/** The analyst API used by the certmesh CLI (docs/http-api.md, Routes). */
export const ANALYST_PATHS: Record<string, PathItemObject> = {
  '/api/v1/node': {
    get: {
      operationId: 'getNode', summary: 'Who this node is', tags: ['node'],
      responses: { '200': ok('This node', ref('NodeInfo')), ...AUTH_ERRORS },
    },
  },
  '/api/v1/indicators': {
    post: {
      operationId: 'addIndicator', summary: 'Add one indicator, signed by this node', tags: ['indicators'],
      description: 'Needs write rights on all collections.',
      requestBody: { required: true, content: json(ref('AddIndicator')) },
      responses: { '200': ok('Unchanged (already stored)', ref('IngestReport')), '201': ok('Created', ref('IngestReport')), ...BAD_REQUEST, ...AUTH_ERRORS },
    },
  },
  '/api/v1/import': {
    post: {
      operationId: 'importFile', summary: 'Import one file (STIX, MISP JSON, CSV or a text list)', tags: ['indicators'],
      parameters: [
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['auto', 'stix', 'misp', 'csv', 'txt'], default: 'auto' } },
        { name: 'filename', in: 'query', schema: { type: 'string' } },
        { name: 'tlp', in: 'query', schema: ref('Tlp') },
        { name: 'confidence', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100 } },
        { name: 'adopt', in: 'query', schema: { type: 'boolean', default: false } },
      ],
      requestBody: { required: true, description: 'The raw file bytes (UTF-8).', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: { '200': ok('What was stored, per object or line', ref('IngestReport')), ...BAD_REQUEST, ...AUTH_ERRORS, '413': { description: 'Body larger than [http] max_body_bytes' } },
    },
  },
  '/api/v1/lookup': {
    get: {
      operationId: 'lookupValues', summary: 'Which active indicators match these values', tags: ['lookup'],
      parameters: [
        { name: 'value', in: 'query', required: true, description: 'Repeat for up to 100 values.', schema: { type: 'array', items: { type: 'string' }, maxItems: 100 }, style: 'form', explode: true },
        { name: 'include_inactive', in: 'query', schema: { type: 'boolean', default: false } },
      ],
      responses: { '200': ok('One result per value, in order', ref('LookupResponse')), ...BAD_REQUEST, ...AUTH_ERRORS },
    },
    post: {
      operationId: 'lookupBatch', summary: 'Batch lookup of up to 10,000 values', tags: ['lookup'],
      requestBody: {
        required: true,
        content: json({ type: 'object', required: ['values'], properties: { values: { type: 'array', items: { type: 'string' }, maxItems: 10_000 }, include_inactive: { type: 'boolean' } } }),
      },
      responses: { '200': ok('One result per value, in order', ref('LookupResponse')), ...BAD_REQUEST, ...AUTH_ERRORS },
    },
  },
  '/api/v1/objects/{id}': {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    get: {
      operationId: 'getObjectVersions', summary: 'Every stored version of an object', tags: ['objects'],
      responses: { '200': ok('Versions, oldest first', ref('ObjectVersions')), ...AUTH_ERRORS, ...NOT_FOUND },
    },
  },
  '/api/v1/objects/{id}/revoke': {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    post: {
      operationId: 'revokeObject', summary: 'Revoke an object this node created', tags: ['objects'],
      requestBody: { content: json({ type: 'object', properties: { reason: { type: 'string' } } }) },
      responses: { '200': ok('The revoked version', ref('IngestReport')), ...BAD_REQUEST, ...AUTH_ERRORS, ...NOT_FOUND },
    },
  },
  '/api/v1/export': {
    get: {
      operationId: 'exportObjects', summary: 'Export as a STIX bundle, CSV or text', tags: ['objects'],
      parameters: [
        { name: 'format', in: 'query', schema: { type: 'string', enum: ['stix', 'csv', 'txt'], default: 'stix' } },
        { name: 'type', in: 'query', schema: { type: 'string' } },
        { name: 'min_confidence', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 100 } },
        { name: 'include_revoked', in: 'query', schema: { type: 'boolean', default: false } },
      ],
      responses: {
        '200': {
          description: 'The export, streamed',
          content: {
            'application/stix+json;version=2.1': { schema: { type: 'object' } },
            'text/csv': { schema: { type: 'string' } },
            'text/plain': { schema: { type: 'string' } },
          },
        },
        ...BAD_REQUEST,
        ...AUTH_ERRORS,
      },
    },
  },
}

import { FEED_NAMES } from '../feeds/kinds.js'
import { AUTH_ERRORS, BAD_REQUEST, json, NO_AUTH, NOT_FOUND, ok, ref } from './common.js'
import type { PathItemObject } from './types.js'

/** What SIEMs, firewalls and monitoring use besides TAXII (docs/siem.md). */
export const SERVE_PATHS: Record<string, PathItemObject> = {
  '/api/v1/feeds/{file}': {
    parameters: [
      {
        name: 'file', in: 'path', required: true,
        description: 'Feed name and format: one of the names with .txt or .csv.',
        schema: { type: 'string', enum: FEED_NAMES.flatMap((n) => [`${n}.txt`, `${n}.csv`]) },
      },
    ],
    get: {
      operationId: 'getFeed', summary: 'Active indicator values of one type, for firewalls, proxies and DNS', tags: ['feeds'],
      description:
        'Active = current version, not revoked, not expired, not on a warninglist. Values are normalised and listed once, in store order ' +
        '(oldest first). Without `since`: the whole list (.txt one value per line; .csv with action=add). With `since`: only what changed ' +
        'since then: .txt lines `+value` / `-value`, .csv action=add/remove. Pass the X-Certmesh-Next-Since header of one answer as `since` ' +
        'of the next. Needs read rights on the indicators collection. Unknown parameters are refused.',
      parameters: [
        { name: 'min_confidence', in: 'query', description: 'Only indicators with at least this confidence (indicators without one are left out).', schema: { type: 'integer', minimum: 0, maximum: 100 } },
        { name: 'tlp_max', in: 'query', description: 'Only indicators marked at most this level; unmarked ones count as the node default ([indicators] default_tlp). Write amber+strict as amber%2Bstrict.', schema: ref('Tlp') },
        { name: 'since', in: 'query', description: 'RFC 3339 / STIX timestamp: answer with additions and removals since then.', schema: { type: 'string', format: 'date-time' } },
      ],
      responses: {
        '200': {
          description: 'The feed, streamed',
          headers: { 'X-Certmesh-Next-Since': { description: 'Send as `since` next time (microsecond STIX timestamp).', schema: { type: 'string', format: 'date-time' } } },
          content: {
            'text/plain; charset=utf-8': { schema: { type: 'string' }, example: '198.51.100.7\n203.0.113.0/24\n' },
            'text/csv; charset=utf-8; header=present': {
              schema: { type: 'string' },
              example: 'action,value,type,indicator_id,confidence,tlp,valid_until,created_by_ref\r\nadd,198.51.100.7,ipv4,indicator--…,80,amber,2025-01-01T00:00:00.000Z,identity--…\r\n',
            },
          },
        },
        ...BAD_REQUEST,
        ...AUTH_ERRORS,
        ...NOT_FOUND,
      },
    },
  },
  '/api/v1/sightings': {
    post: {
      operationId: 'reportSighting', summary: 'Report that a value or an indicator was seen', tags: ['sightings'],
      description:
        'Records one signed STIX sighting per matching active indicator (sighting_of_ref, count, first/last_seen, where as description), ' +
        'created by and sighted at this node, marked with the indicator\'s TLP. Needs write rights on the indicators collection.',
      requestBody: { required: true, content: json(ref('SightingRequest')) },
      responses: {
        '201': ok('The sightings recorded', ref('SightingResponse')),
        ...BAD_REQUEST,
        ...AUTH_ERRORS,
        '404': { $ref: '#/components/responses/NotFound' },
      },
    },
  },
  '/metrics': {
    get: {
      operationId: 'getMetrics', summary: 'Prometheus metrics (text format 0.0.4)', tags: ['admin'],
      description: 'Needs a token that may read `metrics`: admin, read all, or `certmesh token create prometheus --read metrics`.',
      responses: { '200': { description: 'Metrics', content: { 'text/plain; version=0.0.4; charset=utf-8': { schema: { type: 'string' } } } }, ...AUTH_ERRORS },
    },
  },
  '/healthz': {
    get: {
      operationId: 'getHealth', summary: 'Liveness', tags: ['admin'], security: NO_AUTH,
      responses: { '200': ok('The node answers', { type: 'object', properties: { status: { const: 'ok' } } }) },
    },
  },
  '/api/v1/openapi.json': {
    get: {
      operationId: 'getOpenApi', summary: 'This description', tags: ['admin'], security: NO_AUTH,
      responses: { '200': ok('OpenAPI 3.1 document', { type: 'object' }) },
    },
  },
}

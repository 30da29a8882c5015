import type { JsonSchema, ResponseObject } from './types.js'
import { json, ref } from './common.js'

/** Component schemas: the types of docs/http-api.md, as JSON Schema 2020-12. */
const str: JsonSchema = { type: 'string' }
const int = (minimum: number, maximum: number): JsonSchema => ({ type: 'integer', minimum, maximum })
const timestamp: JsonSchema = { type: 'string', format: 'date-time', description: 'STIX timestamp (RFC 3339, UTC, Z)' }
const tlp: JsonSchema = { type: 'string', enum: ['clear', 'green', 'amber', 'amber+strict', 'red'] }

export const SCHEMAS: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'string', enum: ['bad-request', 'unauthorized', 'forbidden', 'not-found', 'not-acceptable', 'conflict', 'payload-too-large', 'unsupported-media-type', 'internal'] },
          message: str,
          details: { type: 'array', items: {} },
        },
      },
    },
  },
  Tlp: tlp,
  NodeInfo: {
    type: 'object',
    required: ['peer_id', 'public_key', 'identity_id', 'name', 'http', 'p2p', 'version', 'objects'],
    properties: {
      peer_id: str, public_key: str, identity_id: str, name: str, http: str,
      p2p: { type: 'array', items: str }, version: str, objects: { type: 'integer' },
    },
  },
  AddIndicator: {
    type: 'object',
    required: ['type', 'value'],
    properties: {
      type: { type: 'string', description: 'STIX observable type or short name (ip, domain, url, email, md5, sha1, sha256, sha512)' },
      value: str, tlp, confidence: int(0, 100), valid_until: timestamp,
      labels: { type: 'array', items: str }, description: str,
    },
  },
  IngestItem: {
    type: 'object',
    required: ['status'],
    properties: {
      status: { type: 'string', enum: ['created', 'updated', 'unchanged', 'rejected'] },
      id: str, type: str, value: str, flags: { type: 'array', items: str }, reason: str, message: str,
      source: { type: 'object', properties: { line: { type: 'integer' }, column: { type: 'integer' }, index: { type: 'integer' }, ref: str } },
    },
  },
  IngestReport: {
    type: 'object',
    required: ['format', 'summary', 'items', 'skipped'],
    properties: {
      format: { type: 'string', enum: ['stix', 'misp', 'csv', 'txt', 'api'] },
      summary: {
        type: 'object',
        properties: Object.fromEntries(['created', 'updated', 'unchanged', 'flagged', 'rejected', 'skipped'].map((k) => [k, { type: 'integer' }])),
      },
      items: { type: 'array', items: ref('IngestItem') },
      skipped: { type: 'object', additionalProperties: { type: 'integer' } },
    },
  },
  SightingSummary: {
    type: 'object',
    required: ['count', 'by'],
    properties: {
      count: { type: 'integer' },
      by: {
        type: 'array',
        items: { type: 'object', required: ['identity_id', 'count'], properties: { identity_id: str, name: str, count: { type: 'integer' }, last_seen: timestamp } },
      },
    },
  },
  LookupMatch: {
    type: 'object',
    required: ['indicator_id', 'modified', 'pattern', 'match', 'creator', 'tlp', 'revoked', 'sightings'],
    properties: {
      indicator_id: str, modified: timestamp, name: str, pattern: str,
      match: { type: 'string', enum: ['exact', 'cidr', 'parent-domain'] },
      creator: { type: 'object', properties: { identity_id: str, name: str, verified: { type: 'boolean' }, local: { type: 'boolean' } } },
      tlp: { type: ['string', 'null'] }, confidence: int(0, 100), valid_from: timestamp, valid_until: timestamp,
      revoked: { type: 'boolean' }, sightings: ref('SightingSummary'),
    },
  },
  LookupResponse: {
    type: 'object',
    required: ['results'],
    properties: {
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['value', 'matches', 'warninglists'],
          properties: {
            value: str,
            observable: { type: 'object', properties: { type: str, value: str, key: str } },
            error: str,
            matches: { type: 'array', items: ref('LookupMatch') },
            warninglists: { type: 'array', items: { type: 'object', properties: { list: str, entry: str } } },
          },
        },
      },
    },
  },
  ObjectVersions: {
    type: 'object',
    required: ['id', 'versions'],
    properties: {
      id: str,
      versions: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            modified: timestamp, date_added: timestamp, status: { type: 'string', enum: ['valid', 'quarantined'] },
            revoked: { type: 'boolean' }, signer: str, verified: { type: 'boolean' }, origin: str, object: { type: 'object' },
          },
        },
      },
    },
  },
  SightingRequest: {
    type: 'object',
    description: 'Exactly one of value and indicator_id.',
    additionalProperties: false,
    properties: {
      value: { type: 'string', maxLength: 8192, description: 'The observed value; normalised like a lookup (IPs inside CIDR indicators match).' },
      indicator_id: { type: 'string', pattern: '^indicator--[0-9a-fA-F-]{36}$' },
      count: { ...int(1, 999_999_999), default: 1 },
      first_seen: { type: 'string', format: 'date-time' },
      last_seen: { type: 'string', format: 'date-time', description: 'Not before first_seen, not more than 10 minutes in the future.' },
      where: { type: 'string', maxLength: 1024, description: 'Free text (sensor, site); becomes the sighting description.' },
    },
  },
  SightingResponse: {
    type: 'object',
    required: ['sightings'],
    properties: {
      sightings: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'indicator_id', 'count', 'tlp', 'object'],
          properties: { id: str, indicator_id: str, count: { type: 'integer' }, tlp, object: { type: 'object', description: 'The signed STIX 2.1 sighting' } },
        },
      },
    },
  },
  Peer: { type: 'object', properties: { peer_id: str, name: { type: ['string', 'null'] }, multiaddrs: { type: 'array', items: str }, amber: { type: 'boolean' }, connected: { type: 'boolean' } } },
  TokenRights: {
    type: 'object',
    properties: {
      admin: { type: 'boolean' },
      read: { oneOf: [{ const: 'all' }, { type: 'array', items: str }] },
      write: { oneOf: [{ const: 'all' }, { type: 'array', items: str }] },
    },
  },
}

const error = (description: string): ResponseObject => ({ description, content: json(ref('Error')) })

export const RESPONSES: Record<string, ResponseObject> = {
  BadRequest: error('A parameter or the body is wrong; the message names it.'),
  Unauthorized: {
    ...error('No token, or a wrong or revoked one.'),
    headers: { 'WWW-Authenticate': { description: 'Bearer realm="certmesh"', schema: str } },
  },
  Forbidden: error('The token lacks the right this route needs.'),
  NotFound: error('No such object, feed, or no active indicator matches.'),
}

import { AUTH_ERRORS, BAD_REQUEST, json, NOT_FOUND, ok, ref } from './common.js'
import type { PathItemObject } from './types.js'

/** Admin routes: trusted peers, sync status, API tokens (admin token only). */
export const ADMIN_PATHS: Record<string, PathItemObject> = {
  '/api/v1/peers': {
    get: {
      operationId: 'listPeers', summary: 'Trusted peers and their sync state', tags: ['admin'],
      responses: { '200': ok('Peers', { type: 'object', properties: { peers: { type: 'array', items: ref('Peer') } } }), ...AUTH_ERRORS },
    },
    post: {
      operationId: 'addPeer', summary: 'Trust a peer', tags: ['admin'],
      requestBody: {
        required: true,
        content: json({
          type: 'object', required: ['peer_id', 'multiaddrs'],
          properties: { peer_id: { type: 'string' }, multiaddrs: { type: 'array', items: { type: 'string' } }, name: { type: 'string' }, amber: { type: 'boolean' } },
        }),
      },
      responses: { '200': ok('Already trusted (updated)', { type: 'object' }), '201': ok('Added', { type: 'object' }), ...BAD_REQUEST, ...AUTH_ERRORS },
    },
  },
  '/api/v1/peers/{peerId}': {
    parameters: [{ name: 'peerId', in: 'path', required: true, schema: { type: 'string' } }],
    delete: {
      operationId: 'removePeer', summary: 'Stop trusting a peer (closes its connections)', tags: ['admin'],
      responses: { '200': ok('Removed', { type: 'object', properties: { removed: { type: 'string' } } }), ...AUTH_ERRORS, ...NOT_FOUND },
    },
  },
  '/api/v1/sync/status': {
    get: {
      operationId: 'getSyncStatus', summary: 'This node\'s sync head and every peer\'s cursor', tags: ['admin'],
      responses: { '200': ok('Sync status', { type: 'object' }), ...AUTH_ERRORS },
    },
  },
  '/api/v1/tokens': {
    get: {
      operationId: 'listTokens', summary: 'API tokens (names and rights, never secrets)', tags: ['admin'],
      responses: { '200': ok('Tokens', { type: 'object', properties: { tokens: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, rights: ref('TokenRights') } } } } }), ...AUTH_ERRORS },
    },
    post: {
      operationId: 'createToken', summary: 'Create a token; the secret is in this answer only', tags: ['admin'],
      requestBody: { required: true, content: json({ type: 'object', required: ['name'], properties: { name: { type: 'string' }, rights: ref('TokenRights') } }) },
      responses: { '201': ok('Created', { type: 'object', properties: { name: { type: 'string' }, token: { type: 'string' }, rights: ref('TokenRights') } }), ...BAD_REQUEST, ...AUTH_ERRORS, '409': { $ref: '#/components/responses/BadRequest' } },
    },
  },
  '/api/v1/tokens/{name}': {
    parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
    delete: {
      operationId: 'revokeToken', summary: 'Revoke a token', tags: ['admin'],
      responses: { '200': ok('Revoked', { type: 'object' }), ...AUTH_ERRORS, ...NOT_FOUND },
    },
  },
}

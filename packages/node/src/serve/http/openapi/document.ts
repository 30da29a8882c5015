import { CERTMESH_VERSION } from '../../../node.js'
import { ADMIN_PATHS } from './paths-admin.js'
import { ANALYST_PATHS } from './paths-analyst.js'
import { SERVE_PATHS } from './paths-serve.js'
import { RESPONSES, SCHEMAS } from './schemas.js'
import type { OpenApiDocument } from './types.js'

/**
 * OpenAPI 3.1 description of the node's non-TAXII HTTP API (TAXII 2.1 is described by
 * its OASIS specification). A test checks that every route the app serves is here.
 * Built on first use: node.ts imports the app, so the version constant is not readable
 * while this module loads.
 */
let built: OpenApiDocument | undefined

export function openApiDocument(): OpenApiDocument {
  built ??= build()
  return built
}

const build = (): OpenApiDocument => ({
  openapi: '3.1.0',
  info: {
    title: 'certmesh node API',
    version: CERTMESH_VERSION,
    description: 'Analyst, feed, sighting and admin API of a certmesh node. Conventions and error shape: docs/http-api.md. TAXII 2.1 is served under /taxii2/.',
    license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
  },
  tags: [
    { name: 'node' }, { name: 'indicators' }, { name: 'lookup' }, { name: 'objects' },
    { name: 'feeds', description: 'Plain lists for firewalls, proxies and DNS (docs/siem.md)' },
    { name: 'sightings' }, { name: 'admin' },
  ],
  security: [{ bearer: [] }, { basic: [] }],
  paths: { ...ANALYST_PATHS, ...SERVE_PATHS, ...ADMIN_PATHS },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `certmesh token create`.' },
      basic: { type: 'http', scheme: 'basic', description: 'Any user name, the API token as password (for clients that only speak Basic).' },
    },
    schemas: SCHEMAS,
    responses: RESPONSES,
  },
})

import { Hono } from 'hono'
import type { HttpEnv } from '../context.js'
import { openApiDocument } from './document.js'

/**
 * GET /openapi.json, mounted under /api/v1 BEFORE the token check: the description of an
 * open-source API is not a secret, and client generators fetch it without credentials.
 */
export function openapiRoutes(): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()
  app.get('/openapi.json', (c) => c.json(openApiDocument()))
  return app
}

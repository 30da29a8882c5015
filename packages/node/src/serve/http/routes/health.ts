import { Hono } from 'hono'
import type { HttpEnv } from '../context.js'

export function healthRoutes(): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()
  app.get('/healthz', (c) => c.json({ status: 'ok' }))
  return app
}

import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { PayloadTooLargeError } from '../../errors.js'
import { createLogger } from '../../log.js'
import type { CertmeshNode } from '../../node.js'
import { requireToken } from './auth.js'
import type { HttpEnv } from './context.js'
import { errorResponse } from './errors.js'
import { analystRoutes } from './routes/analyst.js'
import { healthRoutes } from './routes/health.js'
import { peerRoutes } from './routes/peers.js'
import { taxiiRoutes } from './taxii/index.js'
import { nodeRegistry, registerSyncMetrics } from '../../metrics/index.js'
import { feedRoutes } from './feeds/index.js'
import { openapiRoutes } from './openapi/index.js'
import { metricsRoutes, requestMetrics } from './routes/metrics.js'
import { sightingRoutes } from './routes/sightings.js'
import { tokenRoutes } from './routes/tokens.js'

/**
 * The node's HTTP API (docs/http-api.md). Sub-apps per concern are mounted with
 * app.route(); errors become responses in exactly one place (errors.ts). Every route reads
 * time from `node.now`, so token expiry, feed validity, sightings and exports agree with
 * the store and the ingest pipeline.
 */
export function buildApp(node: CertmeshNode): Hono<HttpEnv> {
  const log = createLogger('http')
  const app = new Hono<HttpEnv>()
  app.onError((err, c) => errorResponse(c, err, log))
  app.notFound((c) => c.json({ error: { code: 'not-found', message: `no route ${c.req.method} ${c.req.path}`, details: [] } }, 404))
  app.use('*', requestMetrics(nodeRegistry(node)))
  // TAXII (docs/taxii.md) sits before the body limit: it enforces max_content_length itself, as a TAXII error.
  app.route('/', taxiiRoutes(node))
  // Enforced on the streamed body, chunked or not, not only on Content-Length.
  const limit = bodyLimit({
    maxSize: node.config.http.maxBodyBytes,
    onError: () => {
      throw new PayloadTooLargeError(node.config.http.maxBodyBytes)
    },
  })
  // A GET or HEAD request has no body (Fetch: its Request body is always null), and
  // asking for it made @hono/node-server build a full Request object on every lookup.
  app.use('*', (c, next) => (c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next)))
  app.route('/', healthRoutes())
  registerSyncMetrics(nodeRegistry(node), node.sync)
  app.route('/', metricsRoutes({ registry: nodeRegistry(node), store: node.store, tokens: node.store.tokens, now: node.now }))
  app.route('/api/v1', openapiRoutes())
  app.use('/api/*', requireToken(node.store.tokens, node.now))
  app.route('/api/v1', analystRoutes(node))
  app.route('/api/v1', feedRoutes({ store: node.store, defaultTlp: node.config.indicators.defaultTlp, now: node.now }))
  app.route('/api/v1', sightingRoutes({ store: node.store, signer: node.signer, defaultTlp: node.config.indicators.defaultTlp, now: node.now }))
  app.route('/api/v1', peerRoutes(node))
  app.route('/api/v1', tokenRoutes(node.store.tokens, node.now))
  return app
}

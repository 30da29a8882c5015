import { Hono, type MiddlewareHandler } from 'hono'
import { matchedRoutes } from 'hono/route'
import { canRead } from '../../../auth/tokens.js'
import { ForbiddenError } from '../../../errors.js'
import { PROMETHEUS_CONTENT_TYPE, registerStoreMetrics, type MetricsRegistry } from '../../../metrics/index.js'
import type { StoreReader } from '../../../store/index.js'
import type { TokenTable } from '../../../store/tokens.js'
import { requireToken } from '../auth.js'
import type { HttpEnv } from '../context.js'

/**
 * GET /metrics needs a token that may read 'metrics': an admin token, a token with read
 * 'all', or one made for Prometheus with `certmesh token create prometheus --read metrics`
 * (Prometheus sends it with `authorization: { credentials_file: … }`). Counts are not
 * secret like indicators are, but they tell an outsider how busy the node is.
 */
export const METRICS_COLLECTION = 'metrics'

export interface MetricsDeps {
  readonly registry: MetricsRegistry
  readonly store: StoreReader
  readonly tokens: TokenTable
  readonly now?: () => number
}

export function metricsRoutes(deps: MetricsDeps): Hono<HttpEnv> {
  registerStoreMetrics(deps.registry, deps.store, deps.now)
  const app = new Hono<HttpEnv>()
  app.get('/metrics', requireToken(deps.tokens, deps.now), (c) => {
    if (!canRead(c.get('token').rights, METRICS_COLLECTION))
      throw new ForbiddenError(`this token may not read '${METRICS_COLLECTION}'; use an admin token or one created with --read metrics`)
    return c.body(deps.registry.render(), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE })
  })
  return app
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])

/**
 * The route pattern that answered (e.g. /api/v1/feeds/:file), never the raw path, so the
 * label set stays small whatever clients send; 'unmatched' for 404s without a route.
 */
function routeLabel(c: Parameters<MiddlewareHandler>[0]): string {
  const handlers = matchedRoutes(c).filter((r) => r.method !== 'ALL')
  return handlers[handlers.length - 1]?.path ?? 'unmatched'
}

/** Counts every request by method, route and status, and times it (until the response starts). */
export function requestMetrics(registry: MetricsRegistry): MiddlewareHandler<HttpEnv> {
  const requests = registry.counter({
    name: 'certmesh_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status.',
    labelNames: ['method', 'route', 'status'],
  })
  const latency = registry.histogram({
    name: 'certmesh_http_request_duration_seconds',
    help: 'Time from request to response headers, by method and route pattern.',
    labelNames: ['method', 'route'],
  })
  return async (c, next) => {
    const start = performance.now()
    try {
      await next()
    } finally {
      const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER'
      const route = routeLabel(c)
      requests.inc({ method, route, status: String(c.res.status) })
      latency.observe({ method, route }, (performance.now() - start) / 1000)
    }
  }
}

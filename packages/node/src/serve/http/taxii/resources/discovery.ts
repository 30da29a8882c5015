import type { Hono } from 'hono'
import { API_ROOT_NAME, MAX_PAGE_LIMIT, TAXII_CONTENT_TYPE, TAXII_PREFIX } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import type { TaxiiDeps } from '../deps.js'
import { taxiiResponse } from '../media.js'
import { paths } from './paths.js'

/**
 * The server's own URL as the client reached it. Behind a reverse proxy that terminates
 * TLS, X-Forwarded-Proto names the scheme the client used (docs/taxii.md).
 */
export function publicOrigin(req: Request): string {
  const url = new URL(req.url)
  const proto = req.headers.get('x-forwarded-proto')?.split(',')[0]?.trim()
  const host = req.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? req.headers.get('host') ?? url.host
  return `${proto === 'https' || proto === 'http' ? proto : url.protocol.slice(0, -1)}://${host}`
}

export function apiRootUrl(req: Request): string {
  return `${publicOrigin(req)}${TAXII_PREFIX}/${API_ROOT_NAME}/`
}

/** TAXII 2.1 §4.1 Server Discovery, and §4.2 Get API Root Information. */
export function discoveryRoutes(app: Hono<TaxiiEnv>, deps: TaxiiDeps): void {
  app.on('GET', paths('/'), (c) => {
    const root = apiRootUrl(c.req.raw)
    return taxiiResponse(
      JSON.stringify({
        title: `certmesh TAXII server of ${deps.title}`,
        description: 'Signed threat intelligence of this certmesh node and its trusted peers, as STIX 2.1.',
        default: root,
        api_roots: [root],
      }),
    )
  })

  app.on('GET', paths(`/${API_ROOT_NAME}/`), () =>
    taxiiResponse(
      JSON.stringify({
        title: deps.title,
        description: `certmesh API root; collections are views of the node's store. Pages hold at most ${MAX_PAGE_LIMIT} objects.`,
        versions: [TAXII_CONTENT_TYPE],
        max_content_length: deps.maxContentLength,
      }),
    ),
  )
}

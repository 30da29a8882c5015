import type { MiddlewareHandler } from 'hono'
import { TAXII_CONTENT_TYPE, TAXII_MEDIA_TYPE, TAXII_VERSION } from './constants.js'
import { TaxiiError } from './errors.js'

interface MediaRange {
  type: string
  params: Map<string, string>
}

/** RFC 9110 §5.6.6 parameters: `type/subtype;name=value;name="value"`, names case-insensitive. */
function parseMediaRange(text: string): MediaRange {
  const [head = '', ...rest] = text.split(';')
  const params = new Map<string, string>()
  for (const p of rest) {
    const eq = p.indexOf('=')
    if (eq < 0) continue
    params.set(p.slice(0, eq).trim().toLowerCase(), p.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'))
  }
  return { type: head.trim().toLowerCase(), params }
}

function isTaxii21(m: MediaRange): boolean {
  const version = m.params.get('version')
  return m.type === TAXII_MEDIA_TYPE && (version === undefined || version === TAXII_VERSION)
}

/**
 * TAXII 2.1 §1.6.8.1 / RFC 9110 §12.5.1: the server can only produce
 * application/taxii+json;version=2.1. It is acceptable when the client names it (with or
 * without the version parameter, which then means the latest, 2.1), sends a wildcard
 * (`*` `/` `*`, `application/*`, what curl and many HTTP libraries send) or no Accept at
 * all (RFC 9110: any type). Anything else — application/json, application/stix+json,
 * taxii version 2.0, or q=0 — gets 406.
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true
  return accept.split(',').some((part) => {
    const m = parseMediaRange(part)
    const q = m.params.get('q')
    if (q !== undefined && !(Number(q) > 0)) return false
    return m.type === '*/*' || m.type === 'application/*' || isTaxii21(m)
  })
}

export function requireTaxiiAccept(): MiddlewareHandler {
  return async (c, next) => {
    const accept = c.req.header('accept')
    if (!acceptsTaxii(accept))
      throw new TaxiiError(406, 'Not acceptable', `this server produces only ${TAXII_CONTENT_TYPE}; the Accept header '${(accept ?? '').slice(0, 200)}' does not allow it`)
    await next()
  }
}

/** §5.4: a POST body must be a TAXII 2.1 envelope, labelled as one. */
export function requireTaxiiContentType(): MiddlewareHandler {
  return async (c, next) => {
    const ct = c.req.header('content-type')
    if (ct === undefined || !isTaxii21(parseMediaRange(ct)))
      throw new TaxiiError(415, 'Unsupported media type', `send the envelope as Content-Type: ${TAXII_CONTENT_TYPE}; got '${(ct ?? '(none)').slice(0, 200)}'`)
    await next()
  }
}

/** A TAXII response from an already-serialised JSON text. */
export function taxiiResponse(json: string, status: 200 | 202 = 200, headers: Record<string, string> = {}): Response {
  return new Response(json, { status, headers: { 'Content-Type': TAXII_CONTENT_TYPE, ...headers } })
}

import type { Context } from 'hono'
import { NodeError } from '../../../errors.js'
import type { Logger } from '../../../log.js'
import { StoreInputError } from '../../../store/errors.js'
import { AUTH_CHALLENGES, TAXII_CONTENT_TYPE } from './constants.js'

export type TaxiiStatus = 400 | 401 | 403 | 404 | 406 | 413 | 415 | 422 | 500

/**
 * The one TAXII failure: every check and handler throws it, and `taxiiErrorResponse` is
 * the one place that turns it into the §3.6.1 error resource.
 */
export class TaxiiError extends Error {
  override readonly name = 'TaxiiError'
  constructor(
    readonly status: TaxiiStatus,
    readonly title: string,
    readonly description: string,
  ) {
    super(`${title}: ${description}`)
  }
}

export const badRequest = (description: string) => new TaxiiError(400, 'Bad request', description)
export const notFound = (description: string) => new TaxiiError(404, 'Not found', description)
export const forbidden = (description: string) => new TaxiiError(403, 'Forbidden', description)

const NODE_STATUS: Record<string, TaxiiStatus> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'not-acceptable': 406,
  conflict: 422,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
}

/** Errors from the node's other layers keep their meaning but take the TAXII shape. */
function toTaxiiError(err: unknown): TaxiiError | undefined {
  if (err instanceof TaxiiError) return err
  if (err instanceof StoreInputError) return badRequest(err.message)
  if (err instanceof NodeError) {
    const status = NODE_STATUS[err.code]
    if (status !== undefined) return new TaxiiError(status, err.code, err.message)
  }
  return undefined
}

/** §3.6.1 error resource, served as application/taxii+json;version=2.1. */
export function taxiiErrorResponse(c: Context, err: unknown, log: Logger): Response {
  const e = toTaxiiError(err) ?? new TaxiiError(500, 'Internal error', 'the node failed to handle this request; its log has the details')
  if (e.status === 500) log.error('TAXII request failed', { path: c.req.path, method: c.req.method, err })
  const body = JSON.stringify({ title: e.title, description: e.description, http_status: String(e.status) })
  const headers = new Headers({ 'Content-Type': TAXII_CONTENT_TYPE })
  if (e.status === 401) for (const ch of AUTH_CHALLENGES) headers.append('WWW-Authenticate', ch)
  return new Response(body, { status: e.status, headers })
}

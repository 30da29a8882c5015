import type { Context } from 'hono'
import { NodeError, type ErrorCode } from '../../errors.js'
import type { Logger } from '../../log.js'

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 406 | 409 | 413 | 415 | 500> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'not-acceptable': 406,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  internal: 500,
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown[] }
}

/** The one mapping from errors to HTTP responses for the API (TAXII has its own error resource). */
export function errorResponse(c: Context, err: unknown, log: Logger): Response {
  const e =
    err instanceof NodeError
      ? err
      : new NodeError('internal', 'the node failed to handle this request; its log has the details')
  if (!(err instanceof NodeError)) log.error('request failed', { path: c.req.path, method: c.req.method, err })
  const body: ErrorBody = { error: { code: e.code, message: e.message, details: e.details } }
  const res = c.json(body, STATUS[e.code])
  if (e.code === 'unauthorized') res.headers.set('WWW-Authenticate', 'Bearer realm="certmesh", charset="UTF-8"')
  return res
}

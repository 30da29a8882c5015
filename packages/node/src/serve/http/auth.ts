import type { MiddlewareHandler } from 'hono'
import { tokenFromAuthorization } from '../../auth/tokens.js'
import { ForbiddenError, UnauthorizedError } from '../../errors.js'
import type { TokenTable } from '../../store/tokens.js'
import type { HttpEnv } from './context.js'
import { verifyTokenCached } from './token-cache.js'

/**
 * Requires a valid API token (Bearer or Basic) and puts its record on the context.
 * `clock` is the node's (epoch ms); buildApp passes it, the default serves stand-alone tests.
 */
export function requireToken(tokens: TokenTable, clock: () => number = Date.now): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const presented = tokenFromAuthorization(c.req.header('authorization'))
    if (presented === undefined) throw new UnauthorizedError()
    const now = clock()
    const record = verifyTokenCached(tokens, presented, now)
    if (!record) throw new UnauthorizedError('the API token is wrong or has been revoked')
    // Last use is for `token list`; a minute's precision saves a write per request. The
    // record may be a cached one: it is updated too, so the next request skips the write.
    if (record.lastUsed === null || now - record.lastUsed > 60_000) {
      tokens.touch(record.keyId, now)
      record.lastUsed = now
    }
    c.set('token', record)
    await next()
  }
}

export function requireAdmin(): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    if (!c.get('token').rights.admin) throw new ForbiddenError('this needs an admin token')
    await next()
  }
}

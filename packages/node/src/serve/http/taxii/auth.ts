import type { MiddlewareHandler } from 'hono'
import { tokenFromAuthorization } from '../../../auth/tokens.js'
import type { TokenTable } from '../../../store/tokens.js'
import { TaxiiError } from './errors.js'
import type { TaxiiEnv } from './context.js'
import { verifyTokenCached } from '../token-cache.js'

/**
 * TAXII 2.1 §1.6.9 asks servers for HTTP Basic; certmesh takes its API tokens either as
 * `Bearer <token>` or as Basic with any user name and the token as password (Microsoft
 * Sentinel and others speak only Basic). A missing or wrong token is 401 with both
 * challenges (errors.ts adds the WWW-Authenticate headers).
 */
export function requireTaxiiToken(tokens: TokenTable, clock: () => number): MiddlewareHandler<TaxiiEnv> {
  return async (c, next) => {
    const presented = tokenFromAuthorization(c.req.header('authorization'))
    if (presented === undefined)
      throw new TaxiiError(401, 'Unauthorized', 'send an API token as Authorization: Bearer <token>, or as the password of HTTP Basic')
    const record = verifyTokenCached(tokens, presented, clock())
    if (!record) throw new TaxiiError(401, 'Unauthorized', 'the API token is wrong or has been revoked')
    c.set('token', record)
    await next()
  }
}

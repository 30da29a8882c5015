import type { Hono } from 'hono'
import { API_ROOT_NAME, STATUS_CACHE_SIZE } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import type { TaxiiDeps } from '../deps.js'
import { notFound } from '../errors.js'
import { taxiiResponse } from '../media.js'
import { paths } from './paths.js'

/** TAXII 2.1 §4.3 Get Status: only the token that posted sees the status (404 for others). */
export function statusRoutes(app: Hono<TaxiiEnv>, deps: TaxiiDeps): void {
  app.on('GET', paths(`/${API_ROOT_NAME}/status/:statusId/`), (c) => {
    const id = c.req.param('statusId') ?? ''
    const status = deps.statuses.get(c.get('token').keyId, id)
    if (status === undefined) throw notFound(`no status '${id.slice(0, 100)}' for this token (statuses are kept in memory, the last ${STATUS_CACHE_SIZE})`)
    return taxiiResponse(JSON.stringify(status))
  })
}

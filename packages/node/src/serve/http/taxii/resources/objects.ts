import type { Hono } from 'hono'
import { collectionAccess } from '../collections.js'
import { API_ROOT_NAME } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import type { TaxiiDeps } from '../deps.js'
import { parseEnvelope, readBody } from '../envelope.js'
import { requireTaxiiContentType, taxiiResponse } from '../media.js'
import { moreAndNext, readPaged, type PagedResult } from '../paging.js'
import { LIST_FILTERS } from '../query.js'
import { statusFromReport } from '../status-report.js'
import { formatMicros } from '../timestamps.js'
import { paths } from './paths.js'

/** §3.7 envelope from the stored JSON texts as they are: the signed bytes are never re-serialised. */
export function envelopeJson(r: PagedResult): string {
  const objects = r.page.rows.length > 0 ? `,"objects":[${r.page.rows.map((v) => v.json).join(',')}]` : ''
  return `{${moreAndNext(r)}${objects}}`
}

/** TAXII 2.1 §5.4 Get Objects and §5.5 Add Objects. */
export function objectsRoutes(app: Hono<TaxiiEnv>, deps: TaxiiDeps): void {
  const at = paths(`/${API_ROOT_NAME}/collections/:collectionId/objects/`)

  app.on('GET', at, collectionAccess('read'), (c) => {
    const r = readPaged(c, deps, { resource: 'objects', allowed: LIST_FILTERS })
    return taxiiResponse(envelopeJson(r), 200, r.headers)
  })

  // §5.5: the node's rules apply to every posted object (validation, signature, creator
  // and revocation rules); an unsigned object is adopted: re-published signed by this
  // node, since a token with write access is this organisation's own client.
  app.on('POST', at, collectionAccess('write'), requireTaxiiContentType(), async (c) => {
    const requestTimestamp = formatMicros(deps.now() * 1000)
    const { objects } = parseEnvelope(await readBody(c.req.raw, deps.maxContentLength))
    const report = deps.ingestor.importStix([...objects], { adopt: true })
    const status = statusFromReport(objects, report, requestTimestamp)
    deps.statuses.put(c.get('token').keyId, status)
    return taxiiResponse(JSON.stringify(status), 202)
  })
}

import type { Hono } from 'hono'
import { collectionAccess } from '../collections.js'
import { API_ROOT_NAME, STIX_CONTENT_TYPE } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import type { TaxiiDeps } from '../deps.js'
import { taxiiResponse } from '../media.js'
import { moreAndNext, readPaged } from '../paging.js'
import { LIST_FILTERS } from '../query.js'
import { formatMicros } from '../timestamps.js'
import { paths } from './paths.js'

/** TAXII 2.1 §5.3 Get Object Manifests: date_added with the store's microseconds. */
export function manifestRoutes(app: Hono<TaxiiEnv>, deps: TaxiiDeps): void {
  app.on('GET', paths(`/${API_ROOT_NAME}/collections/:collectionId/manifest/`), collectionAccess('read'), (c) => {
    const r = readPaged(c, deps, { resource: 'manifest', allowed: LIST_FILTERS })
    const records = r.page.rows.map((v) => ({ id: v.id, date_added: formatMicros(v.dateAdded), version: v.modified, media_type: STIX_CONTENT_TYPE }))
    const objects = records.length > 0 ? `,"objects":${JSON.stringify(records)}` : ''
    return taxiiResponse(`{${moreAndNext(r)}${objects}}`, 200, r.headers)
  })
}

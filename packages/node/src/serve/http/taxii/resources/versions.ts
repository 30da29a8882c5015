import type { Hono } from 'hono'
import { collectionAccess } from '../collections.js'
import { API_ROOT_NAME } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import type { TaxiiDeps } from '../deps.js'
import { notFound } from '../errors.js'
import { taxiiResponse } from '../media.js'
import { moreAndNext, readPaged } from '../paging.js'
import { VERSIONS_FILTERS } from '../query.js'
import { inCollection, objectIdParam } from './object.js'
import { paths } from './paths.js'

/** TAXII 2.1 §5.8 Get Object Versions: every version's `modified`, in date_added order. */
export function versionsRoutes(app: Hono<TaxiiEnv>, deps: TaxiiDeps): void {
  app.on('GET', paths(`/${API_ROOT_NAME}/collections/:collectionId/objects/:objectId/versions/`), collectionAccess('read'), (c) => {
    const objectId = objectIdParam(c.req.param('objectId'))
    const r = readPaged(c, deps, { resource: 'versions', allowed: VERSIONS_FILTERS, objectId, allVersions: true })
    if (r.page.rows.length === 0 && r.query.next === undefined && !inCollection(deps, c.get('collection'), objectId))
      throw notFound(`no object ${objectId} in collection '${c.get('collection').alias}'`)
    const versions = r.page.rows.length > 0 ? `,"versions":${JSON.stringify(r.page.rows.map((v) => v.modified))}` : ''
    return taxiiResponse(`{${moreAndNext(r)}${versions}}`, 200, r.headers)
  })
}

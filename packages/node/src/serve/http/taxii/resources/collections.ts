import type { Hono } from 'hono'
import { collectionAccess, collectionResource, COLLECTIONS, mayRead, mayWrite } from '../collections.js'
import { API_ROOT_NAME } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import { taxiiResponse } from '../media.js'
import { paths } from './paths.js'

/** TAXII 2.1 §5.1 Get Collections and §5.2 Get a Collection. */
export function collectionRoutes(app: Hono<TaxiiEnv>): void {
  app.on('GET', paths(`/${API_ROOT_NAME}/collections/`), (c) => {
    const rights = c.get('token').rights
    // §5.1: only collections the requester can read or write are listed.
    const visible = COLLECTIONS.filter((coll) => mayRead(rights, coll) || mayWrite(rights, coll))
    return taxiiResponse(JSON.stringify(visible.length > 0 ? { collections: visible.map((coll) => collectionResource(coll, rights)) } : {}))
  })

  app.on('GET', paths(`/${API_ROOT_NAME}/collections/:collectionId/`), collectionAccess('any'), (c) =>
    taxiiResponse(JSON.stringify(collectionResource(c.get('collection'), c.get('token').rights))),
  )
}

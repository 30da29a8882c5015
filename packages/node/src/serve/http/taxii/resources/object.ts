import type { Hono } from 'hono'
import { isServedBuiltin } from '../builtin.js'
import { collectionAccess, type CollectionDef } from '../collections.js'
import { API_ROOT_NAME } from '../constants.js'
import type { TaxiiEnv } from '../context.js'
import type { TaxiiDeps } from '../deps.js'
import { badRequest, forbidden, notFound } from '../errors.js'
import { taxiiResponse } from '../media.js'
import { readPaged } from '../paging.js'
import { OBJECT_FILTERS } from '../query.js'
import { readCollection } from '../source.js'
import { envelopeJson } from './objects.js'
import { paths } from './paths.js'

const STIX_ID = /^[a-z0-9][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

export function objectIdParam(raw: string | undefined): string {
  const id = (raw ?? '').toLowerCase()
  if (!STIX_ID.test(id)) throw badRequest(`'${(raw ?? '').slice(0, 100)}' is not a STIX identifier`)
  return id
}

/** Whether the collection holds any version of `id` (404 vs an empty page). */
export function inCollection(deps: TaxiiDeps, c: CollectionDef, id: string): boolean {
  return readCollection(deps.store, { collection: c, filter: {}, objectId: id, allVersions: true, limit: 1, now: deps.now() }).rows.length > 0
}

/** TAXII 2.1 §5.6 Get An Object and §5.7 Delete An Object. */
export function objectRoutes(app: Hono<TaxiiEnv>, deps: TaxiiDeps): void {
  const at = paths(`/${API_ROOT_NAME}/collections/:collectionId/objects/:objectId/`)

  app.on('GET', at, collectionAccess('read'), (c) => {
    const objectId = objectIdParam(c.req.param('objectId'))
    const r = readPaged(c, deps, { resource: 'object', allowed: OBJECT_FILTERS, objectId })
    if (r.page.rows.length === 0 && r.query.next === undefined && !inCollection(deps, c.get('collection'), objectId))
      throw notFound(`no object ${objectId} in collection '${c.get('collection').alias}'`)
    return taxiiResponse(envelopeJson(r), 200, r.headers)
  })

  /**
   * §5.7 in an append-only, signed world: nothing is erased (peers and SIEMs already hold
   * copies). DELETE revokes: the node publishes a signed new version with revoked: true,
   * which replaces the object everywhere it went. Only admin tokens, only objects this
   * node created (DESIGN.md invariant 3), and only the whole object: match[version] may
   * be absent, `last` or `all`. Deleting a revoked object again succeeds.
   */
  app.on('DELETE', at, collectionAccess('any'), (c) => {
    const objectId = objectIdParam(c.req.param('objectId'))
    const coll = c.get('collection')
    if (!c.get('token').rights.admin) throw forbidden('only admin tokens may delete (revoke) objects')
    const version = new URL(c.req.url).searchParams.get('match[version]')
    if (version !== null && version !== 'last' && version !== 'all')
      throw badRequest(`match[version]: certmesh revokes whole objects; use last or all, not '${version.slice(0, 60)}'`)
    if (isServedBuiltin(objectId)) throw forbidden(`${objectId} is built into every certmesh node and cannot be deleted`)
    if (!inCollection(deps, coll, objectId)) throw notFound(`no object ${objectId} in collection '${coll.alias}'`)
    const current = deps.store.get(objectId)
    if (current === undefined || current.signer !== deps.selfPublicKey)
      throw forbidden(`${objectId} was created by another organisation; only its creator may revoke it`)
    const item = deps.ingestor.revoke(objectId, 'deleted through TAXII').items[0]
    if (item?.status === 'rejected') throw badRequest(`${objectId}: ${item.reason ?? 'rejected'}: ${item.message ?? ''}`)
    return new Response(null, { status: 200 })
  })
}

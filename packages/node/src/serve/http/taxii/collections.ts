import type { MiddlewareHandler } from 'hono'
import { canRead, canWrite } from '../../../auth/tokens.js'
import type { TokenRights } from '../../../store/tokens.js'
import type { PagedVersion } from '../../../store/types.js'
import { STIX_CONTENT_TYPE } from './constants.js'
import type { TaxiiEnv } from './context.js'
import { forbidden, notFound } from './errors.js'

/**
 * TAXII collections are views of the one store, defined by a filter (DESIGN.md, HTTP).
 * Their ids are fixed UUIDs, the same on every node, so SIEM set-up guides can name them;
 * tokens may name a collection by id or alias (auth/tokens.ts).
 */
export interface CollectionDef {
  readonly id: string
  readonly alias: string
  readonly title: string
  readonly description: string
  /** Object types the store is asked for; undefined = every type. */
  readonly types?: readonly string[]
  /** Keeps a stored version in the view; undefined = every valid version. `now` is epoch ms. */
  readonly accept?: (v: PagedVersion, now: number) => boolean
}

export const ALL_COLLECTION: CollectionDef = {
  id: '203138f8-234d-4274-bc2f-825a9e4bf4c9',
  alias: 'all',
  title: 'Everything',
  description:
    'Every valid object this node holds: its own and its peers\', every type, revoked versions included so that consumers learn of revocations.',
}

/**
 * Active indicators plus their tombstones: a revoked version stays in the view (it is
 * how a polling SIEM learns to drop the indicator); expired and warninglisted indicators
 * are left out. Indicators not yet valid are kept, since a poller that uses added_after
 * would otherwise never see them.
 */
export const INDICATORS_COLLECTION: CollectionDef = {
  id: '276b9eab-d77f-4daa-98b5-3fd004f057ac',
  alias: 'indicators',
  title: 'Active indicators',
  description:
    'Indicators that are in force: not expired and not on a warninglist. Revocations are served too, so consumers drop revoked indicators.',
  types: ['indicator'],
  accept: (v, now) => v.flags.length === 0 && (v.revoked || v.validUntil === null || v.validUntil > now),
}

export const COLLECTIONS: readonly CollectionDef[] = [ALL_COLLECTION, INDICATORS_COLLECTION]

export function findCollection(idOrAlias: string): CollectionDef | undefined {
  const key = idOrAlias.toLowerCase()
  return COLLECTIONS.find((c) => c.id === key || c.alias === key)
}

export function mayRead(rights: TokenRights, c: CollectionDef): boolean {
  return canRead(rights, c.id) || canRead(rights, c.alias)
}

export function mayWrite(rights: TokenRights, c: CollectionDef): boolean {
  return canWrite(rights, c.id) || canWrite(rights, c.alias)
}

/** §5.2 collection resource, as this token sees it. */
export function collectionResource(c: CollectionDef, rights: TokenRights): Record<string, unknown> {
  return {
    id: c.id,
    title: c.title,
    description: c.description,
    alias: c.alias,
    can_read: mayRead(rights, c),
    can_write: mayWrite(rights, c),
    media_types: [STIX_CONTENT_TYPE],
  }
}

/**
 * Resolves `:collectionId` and checks the right `need`. TAXII 2.1 §5 lets the server
 * answer 404 for a collection the client has no access to at all, and 403 for one it can
 * see but not use this way: a token without any right on it learns nothing.
 */
export function collectionAccess(need: 'read' | 'write' | 'any'): MiddlewareHandler<TaxiiEnv> {
  return async (c, next) => {
    const raw = c.req.param('collectionId') ?? ''
    const coll = findCollection(raw)
    const rights = c.get('token').rights
    const r = coll !== undefined && mayRead(rights, coll)
    const w = coll !== undefined && mayWrite(rights, coll)
    if (coll === undefined || (!r && !w)) throw notFound(`no collection '${raw.slice(0, 100)}' in this API root`)
    if (need === 'read' && !r) throw forbidden(`this token may not read collection '${coll.alias}'`)
    if (need === 'write' && !w) throw forbidden(`this token may not add objects to collection '${coll.alias}'`)
    c.set('collection', coll)
    await next()
  }
}

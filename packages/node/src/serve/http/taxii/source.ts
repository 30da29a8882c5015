import { MAX_PAGE_LIMIT as STORE_MAX_PAGE } from '../../../store/page.js'
import type { StoreReader } from '../../../store/reader.js'
import type { PageCursor, PagedVersion, PageQuery } from '../../../store/types.js'
import { BUILTIN_VERSIONS, isServedBuiltin, type ServedVersion } from './builtin.js'
import type { CollectionDef } from './collections.js'
import { MAX_ROWS_SCANNED_PER_PAGE } from './constants.js'
import type { TaxiiFilter } from './query.js'
import { selectVersions, singleVersionSelected } from './version-select.js'

/**
 * The storage side of every listing endpoint (objects, manifest, object, versions): one
 * page of a collection in (date_added, seq) order. The store's order is total and new
 * rows only sort after existing ones, so a cursor taken from the last row served (the
 * `next` token) or its date_added (X-TAXII-Date-Added-Last as `added_after`; date_added
 * is strictly increasing per node) resumes without skipping or repeating a row.
 * The built-in objects are merged in at their fixed positions.
 */
export interface ReadRequest {
  readonly collection: CollectionDef
  readonly filter: TaxiiFilter
  /** The object endpoints: only this id. */
  readonly objectId?: string
  /** The versions endpoint: every version, whatever match[version] says. */
  readonly allVersions?: boolean
  readonly after?: PageCursor
  readonly limit: number
  /** Epoch ms, for collections whose filter depends on time (validity). */
  readonly now: number
}

export interface ServedPage {
  readonly rows: readonly ServedVersion[]
  readonly more: boolean
  /** Where the following page starts; present when `more`. */
  readonly next?: PageCursor
}

const cmp = (a: PageCursor, b: PageCursor): number => a.dateAdded - b.dateAdded || a.seq - b.seq

function storeTypes(coll: CollectionDef, f: TaxiiFilter): readonly string[] | undefined | null {
  if (coll.types === undefined) return f.types
  if (f.types === undefined) return coll.types
  const both = coll.types.filter((t) => f.types!.includes(t))
  return both.length > 0 ? both : null
}

function builtinsFor(req: ReadRequest): ServedVersion[] {
  const f = req.filter
  return BUILTIN_VERSIONS.filter(
    (b) =>
      (req.after === undefined || cmp(b, req.after) > 0) &&
      (req.objectId === undefined || b.id === req.objectId) &&
      (f.ids === undefined || f.ids.includes(b.id)) &&
      (f.types === undefined || f.types.includes(b.type)) &&
      (f.specVersions === undefined || f.specVersions.includes(b.specVersion)) &&
      (f.addedAfter === undefined || b.dateAdded > f.addedAfter) &&
      (req.allVersions === true || singleVersionSelected(b.modified, f.versions)),
  )
}

function merge(a: readonly ServedVersion[], b: readonly ServedVersion[]): ServedVersion[] {
  if (a.length === 0) return b as ServedVersion[]
  return [...a, ...b].sort(cmp)
}

export function readCollection(store: StoreReader, req: ReadRequest): ServedPage {
  const f = req.filter
  const types = storeTypes(req.collection, f)
  const ids = req.objectId !== undefined ? [req.objectId] : f.ids
  const selection = req.allVersions === true ? { store: 'all' as const } : selectVersions(store, f.versions)
  const accept = req.collection.accept
  const keep = (v: PagedVersion): boolean =>
    !isServedBuiltin(v.id) && (accept === undefined || accept(v, req.now)) && (selection.keep === undefined || selection.keep(v))
  const base: Omit<PageQuery, 'limit'> = {
    versions: selection.store,
    ...(types && { types }),
    ...(ids && { ids }),
    ...(f.specVersions && { specVersions: f.specVersions }),
    ...(f.addedAfter !== undefined && { addedAfter: f.addedAfter }),
  }

  const stored: PagedVersion[] = []
  let cursor = req.after
  let exhausted = types === null || ids?.length === 0
  let capped = false
  let scanned = 0
  while (!exhausted && stored.length <= req.limit) {
    const want = Math.min(req.limit + 1 - stored.length, STORE_MAX_PAGE)
    const res = store.pageLean({ ...base, ...(cursor && { after: cursor }), limit: want })
    for (const v of res.items) if (keep(v)) stored.push(v)
    scanned += res.items.length
    if (res.next) cursor = res.next
    if (!res.more) exhausted = true
    else if (scanned >= MAX_ROWS_SCANNED_PER_PAGE && stored.length <= req.limit) capped = true
    if (capped) break
  }

  let merged = merge(builtinsFor(req), stored)
  // Rows past the scanned position are not known yet: a built-in beyond it waits its turn.
  if (capped && cursor) merged = merged.filter((r) => cmp(r, cursor!) <= 0)
  const rows = merged.slice(0, req.limit)
  const last = rows[rows.length - 1]
  if (merged.length > req.limit && last) return { rows, more: true, next: { dateAdded: last.dateAdded, seq: last.seq } }
  if (capped && cursor) return { rows, more: true, next: cursor }
  return { rows, more: false }
}

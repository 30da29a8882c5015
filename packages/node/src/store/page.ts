import { StoreInputError } from './errors.js'
import { hash48 } from './hash48.js'
import { rawStoredVersion, VERSION_COLUMNS, type RawCell } from './rows.js'
import type { StatementCache } from './statements.js'
import { parseStixTimestamp } from './timestamp.js'
import type { ManifestEntry, PagedVersion, PageQuery, PageResult, StoredVersion } from './types.js'

/**
 * TAXII 2.1 paging (§3.4 pagination, §3.5 filtering) over (date_added, seq). date_added is
 * strictly increasing per node and seq is the tiebreaker, so the order is total and a
 * cursor taken from the last row of a page never skips or repeats a row, whatever arrives
 * in between (new rows only ever sort after existing ones).
 *
 * Filter lists are bound as one JSON array each (`IN (SELECT value FROM json_each(?))`), so
 * the statement has a fixed number of variables however long the lists are, and one
 * cached statement per query shape.
 */
export const MAX_PAGE_LIMIT = 10_000

const MANIFEST_COLUMNS = 'v.seq, v.date_added, v.id, v.type, v.modified, v.spec_version'
const PAGED_COLUMNS = `${MANIFEST_COLUMNS}, v.json, v.revoked, v.flags, v.valid_until`
const NO_FLAGS: readonly string[] = Object.freeze([])

interface Built {
  readonly sql: string
  readonly params: Record<string, unknown>
}

function build(q: PageQuery, columns: string): Built {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_PAGE_LIMIT) {
    throw new StoreInputError(`page: limit must be an integer 1-${MAX_PAGE_LIMIT}, got ${q.limit}`)
  }
  const where: string[] = ["v.status = 'valid'"]
  const params: Record<string, unknown> = { limit: q.limit + 1 }
  const versions = q.versions ?? 'last'
  let from = 'object_version v'
  if (versions === 'last') from = 'object_current c JOIN object_version v ON v.seq = c.seq'
  else if (versions === 'first') {
    where.push(`v.modified_key = (SELECT min(w.modified_key) FROM object_version w
      WHERE w.oid = v.oid AND w.status = 'valid')`)
  } else if (versions !== 'all') {
    where.push('v.modified_key IN (SELECT value FROM json_each(@versions))')
    params.versions = JSON.stringify(versions.map((t) => parseStixTimestamp(t, 'page versions').key))
  }
  if (q.addedAfter !== undefined) {
    where.push('v.date_added > @addedAfter')
    params.addedAfter = q.addedAfter
  }
  if (q.after !== undefined) {
    where.push('(v.date_added, v.seq) > (@afterDate, @afterSeq)')
    params.afterDate = q.after.dateAdded
    params.afterSeq = q.after.seq
  }
  if (q.ids !== undefined) {
    // Through the id key (key-tiers.ts): object_version has no index on id.
    where.push(`v.oid IN (SELECT h.oid FROM object_current h
      WHERE h.oid IN (SELECT oid FROM object_key WHERE id_hash IN (SELECT value FROM json_each(@idHashes)))
      AND h.id IN (SELECT value FROM json_each(@ids)))`)
    params.ids = JSON.stringify(q.ids)
    params.idHashes = JSON.stringify(q.ids.map(hash48))
  }
  const lists: [keyof PageQuery & string, string][] = [['types', 'v.type'], ['specVersions', 'v.spec_version']]
  for (const [name, column] of lists) {
    const list = q[name] as readonly string[] | undefined
    if (list === undefined) continue
    where.push(`${column} IN (SELECT value FROM json_each(@${name}))`)
    params[name] = JSON.stringify(list)
  }
  const sql = `SELECT ${columns} FROM ${from} WHERE ${where.join(' AND ')}
    ORDER BY v.date_added, v.seq LIMIT @limit`
  return { sql, params }
}

type Cell = RawCell

/** One page of raw rows whose first two columns are seq and date_added; `next` is the last row kept. */
function paginateRaw<T>(rows: Cell[][], limit: number, map: (r: Cell[]) => T): PageResult<T> {
  const more = rows.length > limit
  const kept = more ? rows.slice(0, limit) : rows
  const last = kept[kept.length - 1]
  const items = kept.map(map)
  return last ? { items, more, next: { dateAdded: last[1] as number, seq: last[0] as number } } : { items, more }
}

export function page(sql: StatementCache, q: PageQuery): PageResult<StoredVersion> {
  const b = build(q, VERSION_COLUMNS)
  return paginateRaw(sql.raw<[Record<string, unknown>], Cell[]>(b.sql).all(b.params), q.limit, (r) => rawStoredVersion(r))
}

export function manifest(sql: StatementCache, q: PageQuery): PageResult<ManifestEntry> {
  const b = build(q, MANIFEST_COLUMNS)
  return paginateRaw(sql.raw<[Record<string, unknown>], Cell[]>(b.sql).all(b.params), q.limit, manifestEntry)
}

/** A row in MANIFEST_COLUMNS order (PAGED_COLUMNS starts with the same six). */
function manifestEntry(r: Cell[]): ManifestEntry {
  return {
    seq: r[0] as number,
    dateAdded: r[1] as number,
    id: r[2] as string,
    type: r[3] as string,
    modified: r[4] as string,
    specVersion: r[5] as string,
  }
}

/**
 * The same page as `page`, with only the columns a TAXII response needs: building all of
 * a StoredVersion's columns for every row was most of the cost of a 100-object page.
 * Rows are read raw (StatementCache.raw), in PAGED_COLUMNS order.
 */
export function pageLean(sql: StatementCache, q: PageQuery): PageResult<PagedVersion> {
  const b = build(q, PAGED_COLUMNS)
  return paginateRaw(sql.raw<[Record<string, unknown>], Cell[]>(b.sql).all(b.params), q.limit, (r) => ({
    ...manifestEntry(r),
    json: r[6] as string,
    revoked: r[7] === 1,
    flags: r[8] === null ? NO_FLAGS : (JSON.parse(r[8] as string) as string[]),
    validUntil: r[9] as number | null,
  }))
}

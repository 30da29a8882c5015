import { parseStixTimestamp, type PageCursor, type StoredVersion, type StoreReader } from '../store/index.js'
import type { SightingSummary } from './types.js'

/**
 * Sighting counts per indicator, from the STIX `sighting` objects in the store (STIX 2.1
 * §5.3: `sighting_of_ref`, `count`, `last_seen`; the reporter is `created_by_ref`).
 *
 * The store has no index on `sighting_of_ref`, so this keeps one in memory, fed
 * incrementally from the TAXII order (date_added, seq): `refresh()` reads only the rows
 * added since the last call, which is one index seek when nothing is new. The first call
 * walks the whole log once (no index on type). Every
 * version is read (not only current ones) and the latest `modified` wins, a revoked one
 * for good, so a late-arriving older version never overrides a newer one.
 * Not followed: a current version that loses its place to an older one after an
 * equivocation quarantine (rare; the stale count stays until the process restarts).
 */
interface Entry {
  of: string
  by: string | null
  count: number
  lastSeen: string | undefined
  modifiedKey: string
  revoked: boolean
}

const PAGE = 1000

export class SightingIndex {
  private after: PageCursor | undefined
  private readonly sightings = new Map<string, Entry>()
  private readonly byIndicator = new Map<string, Set<string>>()

  constructor(private readonly store: StoreReader) {}

  refresh(): void {
    // The newest row of the whole log, read before scanning: every row at or before it is
    // already visible, so the next scan may start after it even if it is no sighting
    // (otherwise a quiet sighting log would be rescanned from its last entry every time).
    const newest = this.store.since(this.store.lastSeq() - 1, 1)[0]
    for (;;) {
      const page = this.store.page({ types: ['sighting'], versions: 'all', limit: PAGE, ...(this.after ? { after: this.after } : {}) })
      for (const v of page.items) this.add(v)
      if (page.next !== undefined) this.after = page.next
      if (!page.more) break
    }
    if (newest !== undefined && (this.after === undefined || newest.dateAdded > this.after.dateAdded)) {
      this.after = { dateAdded: newest.dateAdded, seq: newest.seq }
    }
  }

  /** Totals for one indicator; `name` resolves reporter identity names. */
  summary(indicatorId: string, name: (identityId: string) => string | undefined): SightingSummary {
    const ids = this.byIndicator.get(indicatorId)
    if (ids === undefined || ids.size === 0) return { count: 0, by: [] }
    let count = 0
    const by = new Map<string, { count: number; lastSeen: string | undefined }>()
    for (const sid of ids) {
      const e = this.sightings.get(sid)
      if (e === undefined || e.revoked) continue
      count += e.count
      if (e.by === null) continue
      const agg = by.get(e.by) ?? { count: 0, lastSeen: undefined }
      agg.count += e.count
      if (e.lastSeen !== undefined && (agg.lastSeen === undefined || laterThan(e.lastSeen, agg.lastSeen))) agg.lastSeen = e.lastSeen
      by.set(e.by, agg)
    }
    const list = [...by].map(([identityId, agg]) => {
      const n = name(identityId)
      return {
        identity_id: identityId,
        ...(n !== undefined ? { name: n } : {}),
        count: agg.count,
        ...(agg.lastSeen !== undefined ? { last_seen: agg.lastSeen } : {}),
      }
    })
    list.sort((a, b) => b.count - a.count || (a.identity_id < b.identity_id ? -1 : 1))
    return { count, by: list }
  }

  private add(v: StoredVersion): void {
    const parsed = parseSighting(v)
    if (parsed === undefined) return
    const known = this.sightings.get(v.id)
    if (known !== undefined && (known.revoked || (!parsed.revoked && known.modifiedKey >= parsed.modifiedKey))) return
    if (known !== undefined && known.of !== parsed.of) this.byIndicator.get(known.of)?.delete(v.id)
    this.sightings.set(v.id, parsed)
    let set = this.byIndicator.get(parsed.of)
    if (set === undefined) this.byIndicator.set(parsed.of, (set = new Set()))
    set.add(v.id)
  }
}

function parseSighting(v: StoredVersion): Entry | undefined {
  let o: Record<string, unknown>
  try {
    o = JSON.parse(v.json) as Record<string, unknown>
  } catch {
    return undefined
  }
  if (typeof o.sighting_of_ref !== 'string') return undefined
  // STIX 2.1 §5.3: count is 0-999,999,999; absent means the reporter saw it (at least once).
  const count = Number.isInteger(o.count) && (o.count as number) >= 0 ? (o.count as number) : 1
  const seen = typeof o.last_seen === 'string' ? o.last_seen : typeof o.first_seen === 'string' ? o.first_seen : undefined
  return {
    of: o.sighting_of_ref,
    by: v.createdByRef,
    count,
    lastSeen: seen,
    modifiedKey: parseStixTimestamp(v.modified, 'sighting modified').key,
    revoked: v.revoked,
  }
}

function laterThan(a: string, b: string): boolean {
  try {
    return parseStixTimestamp(a).key > parseStixTimestamp(b).key
  } catch {
    return a > b
  }
}

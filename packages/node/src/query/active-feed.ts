import { extractObservables, parsePattern, type Observable } from '@certmesh/protocol'
import type { PageCursor, StoredVersion, StoreReader } from '../store/index.js'
import { keepsObservable, type CheckedExport } from './export-options.js'

/**
 * The active indicators of a feed export with their observables, read page by page.
 *
 * Why not store.activeIndicators: it is one open SQLite statement for the whole feed,
 * and the HTTP layer pulls chunks asynchronously; while a better-sqlite3 statement is
 * being iterated, every write on that connection (sync, ingest, sightings) and a second
 * run of the same statement (a concurrent export) throw "connection is busy".
 * Pages (`page()` runs each to completion) leave the connection free between chunks.
 * The observables are re-extracted from the pattern with the function the ingest
 * pipeline indexes them with (extractObservables), so they are the same set.
 */
const PAGE = 500

export interface FeedIndicator {
  readonly version: StoredVersion
  readonly object: Record<string, unknown>
  /** The observables the export keeps (type filter applied), pattern order. */
  readonly observables: readonly Observable[]
}

/** The feeds' rule (store/active.ts): current, not revoked, no flag, inside its validity. */
export function feedActive(v: StoredVersion, now: number): boolean {
  return (
    !v.revoked &&
    v.flags.length === 0 &&
    (v.validUntil === null || v.validUntil > now) &&
    (v.validFrom === null || v.validFrom <= now)
  )
}

export function meetsConfidence(v: StoredVersion, min: number | undefined): boolean {
  return min === undefined || (v.confidence !== null && v.confidence >= min)
}

export function* activeFeed(store: StoreReader, o: CheckedExport): Generator<FeedIndicator, void, undefined> {
  let after: PageCursor | undefined
  for (;;) {
    const page = store.page({ types: ['indicator'], versions: 'last', limit: PAGE, ...(after ? { after } : {}) })
    for (const v of page.items) {
      if (!feedActive(v, o.now) || !meetsConfidence(v, o.minConfidence)) continue
      const found = observablesOf(v.json)
      if (found === undefined) continue
      const observables = found.observables.filter((ob) => keepsObservable(o.filter, ob.type, ob.property))
      if (observables.length > 0) yield { version: v, object: found.object, observables }
    }
    if (page.next !== undefined) after = page.next
    if (!page.more) return
  }
}

function observablesOf(json: string): { object: Record<string, unknown>; observables: Observable[] } | undefined {
  try {
    const object = JSON.parse(json) as Record<string, unknown>
    // STIX 2.1 §4.7: only STIX patterns carry observables certmesh can match on.
    if (object.pattern_type !== 'stix' || typeof object.pattern !== 'string') return undefined
    return { object, observables: extractObservables(parsePattern(object.pattern), { invalid: 'skip' }) }
  } catch {
    // Stored indicators were validated on the way in; an unreadable one is left out.
    return undefined
  }
}

import type { StoreReader } from '../store/index.js'
import { sightingKey } from './index-key.js'

/** docs/http-api.md LookupMatch.sightings. */
export interface SightingSummary {
  count: number
  by: { identity_id: string; name?: string; count: number; last_seen?: string }[]
}

export interface SightingsForOptions {
  /** Resolves an identity id to its organisation name (e.g. a cache); default reads the identity from the store. */
  readonly name?: (identityId: string) => string | undefined
}

function identityName(store: StoreReader, id: string): string | undefined {
  const v = store.get(id)
  if (v === undefined) return undefined
  try {
    const name = (JSON.parse(v.json) as { name?: unknown }).name
    return typeof name === 'string' ? name : undefined
  } catch {
    return undefined
  }
}

/**
 * Who saw an indicator and how often, from the current versions of the `sighting`
 * objects that sight it (one index seek: index-key.ts). Revoked sightings do not count.
 * STIX 2.1 §5.3: `count` absent means "seen", counted as 1; the reporter is
 * `created_by_ref`; `last_seen` falls back to `first_seen`. Reporters are listed most
 * sightings first, then by identity id.
 */
export function sightingsFor(store: StoreReader, indicatorId: string, opts: SightingsForOptions = {}): SightingSummary {
  const by = new Map<string, { count: number; lastSeen?: string; lastKey?: number }>()
  let count = 0
  for (const m of store.lookupObservable(sightingKey(indicatorId))) {
    const v = m.object
    if (v.type !== 'sighting' || v.revoked) continue
    let o: Record<string, unknown>
    try {
      o = JSON.parse(v.json) as Record<string, unknown>
    } catch {
      continue
    }
    if (o.sighting_of_ref !== indicatorId) continue
    const n = Number.isInteger(o.count) && (o.count as number) >= 0 ? (o.count as number) : 1
    count += n
    if (v.createdByRef === null) continue
    const agg = by.get(v.createdByRef) ?? { count: 0 }
    agg.count += n
    const seen = typeof o.last_seen === 'string' ? o.last_seen : typeof o.first_seen === 'string' ? o.first_seen : undefined
    const seenMs = seen === undefined ? NaN : Date.parse(seen)
    if (seen !== undefined && !Number.isNaN(seenMs) && (agg.lastKey === undefined || seenMs > agg.lastKey)) {
      agg.lastSeen = seen
      agg.lastKey = seenMs
    }
    by.set(v.createdByRef, agg)
  }
  const name = opts.name ?? ((id: string) => identityName(store, id))
  const list = [...by].map(([identityId, a]) => {
    const n = name(identityId)
    return { identity_id: identityId, ...(n !== undefined && { name: n }), count: a.count, ...(a.lastSeen !== undefined && { last_seen: a.lastSeen }) }
  })
  list.sort((a, b) => b.count - a.count || (a.identity_id < b.identity_id ? -1 : a.identity_id > b.identity_id ? 1 : 0))
  return { count, by: list }
}

import type { StoreReader } from '../../../store/reader.js'
import { parseStixTimestamp } from '../../../store/timestamp.js'
import type { PagedVersion, PageQuery } from '../../../store/types.js'
import type { VersionMatch } from './query.js'

/**
 * TAXII 2.1 §3.5.1 match[version]: absent means `last`; `all` wins over anything else.
 * One keyword or a list of timestamps is a store query; a mix (e.g. `first,last`) asks
 * the store for every version and keeps the ones any value selects.
 */
export interface VersionSelection {
  readonly store: NonNullable<PageQuery['versions']>
  /** Extra per-version test when the store cannot express the OR alone. */
  readonly keep?: (v: PagedVersion) => boolean
}

export function selectVersions(store: StoreReader, m: VersionMatch | undefined): VersionSelection {
  if (m === undefined) return { store: 'last' }
  if (m.keywords.has('all')) return { store: 'all' }
  if (m.timestamps.length === 0 && m.keywords.size === 1) return { store: [...m.keywords][0]! }
  if (m.keywords.size === 0) return { store: m.timestamps }
  const keys = new Set(m.timestamps.map((t) => parseStixTimestamp(t, 'match[version]').key))
  const firstKey = new Map<string, string | undefined>()
  const isFirst = (v: PagedVersion): boolean => {
    if (!firstKey.has(v.id)) firstKey.set(v.id, store.versions(v.id).find((x) => x.status === 'valid')?.modified)
    const first = firstKey.get(v.id)
    return first !== undefined && parseStixTimestamp(first).key === parseStixTimestamp(v.modified).key
  }
  const isLast = (v: PagedVersion): boolean => store.get(v.id)?.seq === v.seq
  return {
    store: 'all',
    keep: (v) =>
      (m.keywords.has('first') && isFirst(v)) || (m.keywords.has('last') && isLast(v)) || keys.has(parseStixTimestamp(v.modified).key),
  }
}

/** The same selection for an object with a single version (the built-in ones). */
export function singleVersionSelected(modified: string, m: VersionMatch | undefined): boolean {
  if (m === undefined || m.keywords.size > 0) return true
  const key = parseStixTimestamp(modified).key
  return m.timestamps.some((t) => parseStixTimestamp(t).key === key)
}

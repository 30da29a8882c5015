import type { PreparedObservable, PreparedVersion } from '../store/index.js'

/**
 * Sightings are found by the indicator they sight through the store's observable index:
 * a sighting version carries the pseudo-observable `sighting-of:<indicator id>`, so
 * "every sighting of X" is one seek on observable(key) joined to the current versions,
 * with no table of its own. Real observable keys are `<type>:<property>=<value>` and no
 * observable type is called `sighting-of`, so the keys cannot collide.
 */
export const SIGHTING_KEY_PREFIX = 'sighting-of:'

export function sightingKey(indicatorId: string): string {
  return SIGHTING_KEY_PREFIX + indicatorId
}

export function sightingObservable(indicatorId: string): PreparedObservable {
  return { key: sightingKey(indicatorId), type: 'sighting', property: 'sighting_of_ref', value: indicatorId }
}

/**
 * The index entries a STIX object should carry: one for a `sighting` with a string
 * `sighting_of_ref` (STIX 2.1 §5.3), none otherwise. For prepareVersion, so that
 * sightings from peers and imports are indexed like our own.
 */
export function sightingObservables(obj: Record<string, unknown>): PreparedObservable[] {
  return obj.type === 'sighting' && typeof obj.sighting_of_ref === 'string' ? [sightingObservable(obj.sighting_of_ref)] : []
}

/** `v` with its sighting index entry added (once). */
export function withSightingIndex(v: PreparedVersion, obj: Record<string, unknown>): PreparedVersion {
  const extra = sightingObservables(obj).filter((o) => !v.observables.some((x) => x.key === o.key))
  return extra.length === 0 ? v : { ...v, observables: [...v.observables, ...extra] }
}

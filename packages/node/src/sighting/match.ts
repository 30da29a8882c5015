import { detectObservable, ipNetwork } from '@certmesh/protocol'
import { BadRequestError } from '../errors.js'
import type { StoredVersion, StoreReader } from '../store/index.js'

/** At most this many indicators are sighted by one report (a value can match several creators' indicators). */
export const MAX_SIGHTED_INDICATORS = 100

/**
 * Active for a sighting: the current version of an indicator, not revoked, inside its
 * validity window. Unlike the feeds, a warninglist flag does not hide it: a SIEM that
 * pulled the indicator over TAXII and matched it did see it.
 */
export function sightable(v: StoredVersion, now: number): boolean {
  return (
    v.type === 'indicator' &&
    v.status === 'valid' &&
    !v.revoked &&
    (v.validUntil === null || v.validUntil > now) &&
    (v.validFrom === null || v.validFrom <= now)
  )
}

/** The active indicator with this id, if any. */
export function indicatorById(store: StoreReader, id: string, now: number): StoredVersion[] {
  const v = store.get(id)
  return v !== undefined && sightable(v, now) ? [v] : []
}

/**
 * Active indicators matching a reported value: the value is recognised and normalised
 * like a lookup (detectObservable), then matched exactly by its observable key, and a
 * single IP address also by the networks (CIDR indicators) that contain it.
 */
export function indicatorsForValue(store: StoreReader, value: string, now: number): StoredVersion[] {
  const o = detectObservable(value)
  if (o === undefined) throw new BadRequestError(`value: '${value.slice(0, 80)}' is not an IP address, domain, URL, e-mail address, hash or registry key`)
  const found = new Map<string, StoredVersion>()
  const add = (v: StoredVersion): void => {
    if (found.size < MAX_SIGHTED_INDICATORS && !found.has(v.id) && sightable(v, now)) found.set(v.id, v)
  }
  for (const m of store.lookupObservable(`${o.type}:${o.property}=${o.value}`)) add(m.object)
  if (o.type === 'ipv4-addr' || o.type === 'ipv6-addr') {
    const n = ipNetwork(o.value)
    if (n.prefix === n.bytes.length * 8) for (const m of store.lookupIp(n.version, n.bytes)) add(m.object)
  }
  return [...found.values()]
}

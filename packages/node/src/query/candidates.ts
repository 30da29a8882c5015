import { ipNetwork, parentDomains, type Observable } from '@certmesh/protocol'
import type { IpMatch, ObservableMatch, StoreReader } from '../store/index.js'
import type { MatchKind } from './types.js'

/**
 * Which stored observables answer a looked-up observable, and how (docs/http-api.md,
 * LookupMatch.match), most specific first:
 * - `exact`: the same normalised key; for an IP or CIDR also an indicated network equal to
 *   the asked one;
 * - `cidr`: an indicated network that contains the asked address or block (a block asked
 *   for matches networks that contain all of it, not ones inside it);
 * - `parent-domain`: for a domain, an indicated parent domain (nearest first); for a URL,
 *   its host or a parent of the host as an indicated domain. A URL whose host is an IP
 *   address matches networks containing that address, as `cidr`.
 * The store answers with current versions only; several rows of one object may come back.
 */
export interface Candidate {
  readonly match: ObservableMatch
  readonly kind: MatchKind
}

/**
 * Answers of store.lookupIp already fetched for a batch (ipPrefetch below), by the
 * observable's normalised value.
 */
export type IpPrefetch = ReadonlyMap<string, readonly IpMatch[]>

export function candidatesFor(store: StoreReader, o: Observable, prefetched?: IpPrefetch): Candidate[] {
  const out: Candidate[] = []
  if (o.type === 'ipv4-addr' || o.type === 'ipv6-addr') {
    // Every indexed address carries its network (store README, ip_network_key), so one
    // containment probe answers the equal network (exact) and the containing ones.
    containing(store, o.value, out, true, prefetched?.get(o.value))
  } else if (o.type === 'domain-name') {
    // The name and its parents in one query; the name itself ranks first.
    domains(store, [o.value, ...parentDomains(o.value)], out, o.key)
  } else {
    for (const match of store.lookupObservable(o.key)) out.push({ match, kind: 'exact' })
    const host = o.type === 'url' ? urlHost(o.value) : undefined
    if (host === undefined) return out
    if (host.startsWith('[')) containing(store, host.slice(1, -1), out, false)
    else if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) containing(store, host, out, false)
    else domains(store, [host, ...parentDomains(host)], out, undefined)
  }
  return out
}

/** Networks containing `value` (an address or block). */
function containing(store: StoreReader, value: string, out: Candidate[], exactWhenEqual: boolean, found?: readonly IpMatch[]): void {
  let net: ReturnType<typeof ipNetwork>
  try {
    net = ipNetwork(value)
  } catch {
    return
  }
  for (const m of found ?? store.lookupIp(net.version, net.bytes)) {
    // lookupIp masks the asked bytes at every stored prefix; a longer stored prefix is a
    // network inside the asked block, not one containing it.
    if (m.prefix > net.prefix) continue
    out.push({ match: m, kind: exactWhenEqual && m.prefix === net.prefix ? 'exact' : 'cidr' })
  }
}

/**
 * store.lookupIp for every IP or CIDR observable of a batch, in one lookupIpMany per IP
 * version: per-address statements were a third of a 1,000-value lookup.
 */
export function ipPrefetch(store: StoreReader, observables: readonly Observable[]): IpPrefetch {
  const byVersion = new Map<4 | 6, { values: string[]; bytes: Uint8Array[] }>()
  const seen = new Set<string>()
  for (const o of observables) {
    if ((o.type !== 'ipv4-addr' && o.type !== 'ipv6-addr') || seen.has(o.value)) continue
    seen.add(o.value)
    let net: ReturnType<typeof ipNetwork>
    try {
      net = ipNetwork(o.value)
    } catch {
      continue
    }
    const group = byVersion.get(net.version) ?? { values: [], bytes: [] }
    group.values.push(o.value)
    group.bytes.push(net.bytes)
    byVersion.set(net.version, group)
  }
  const out = new Map<string, readonly IpMatch[]>()
  for (const [version, group] of byVersion) {
    store.lookupIpMany(version, group.bytes).forEach((matches, i) => out.set(group.values[i]!, matches))
  }
  return out
}

/** Indicated domains among `names` (nearest first); `exactKey` is the asked name's own key. */
function domains(store: StoreReader, names: readonly string[], out: Candidate[], exactKey: string | undefined): void {
  const rank = new Map(names.map((n, i) => [`domain-name:value=${n}`, i]))
  const found = store.lookupDomainKeys([...rank.keys()])
  found.sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0))
  for (const match of found) out.push({ match, kind: match.key === exactKey ? 'exact' : 'parent-domain' })
}

/**
 * The host of a normalised URL (`scheme://[user@]host[:port]/…`, see normaliseUrl):
 * lower-case, punycode, IPv6 in brackets. Undefined when there is no authority.
 */
export function urlHost(url: string): string | undefined {
  const start = url.indexOf('://')
  if (start < 0) return undefined
  let end = url.length
  for (const c of ['/', '?', '#']) {
    const i = url.indexOf(c, start + 3)
    if (i >= 0 && i < end) end = i
  }
  const authority = url.slice(start + 3, end)
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1)
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']')
    return close < 0 ? undefined : hostPort.slice(0, close + 1)
  }
  const colon = hostPort.indexOf(':')
  const host = colon < 0 ? hostPort : hostPort.slice(0, colon)
  return host === '' ? undefined : host
}

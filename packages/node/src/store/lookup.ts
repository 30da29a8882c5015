import { hash48 } from './hash48.js'
import { checkAddress, networkOf, type IpVersion } from './ip.js'
import { rawStoredVersion, VERSION_CELLS, VERSION_COLUMNS, type RawCell } from './rows.js'
import { inChunks, type StatementCache } from './statements.js'
import type { IpMatch, ObservableMatch } from './types.js'

/**
 * Observable lookups only ever answer with CURRENT versions (object_current.seq): the
 * index holds rows for every stored version, and the join drops history and quarantined
 * bodies. Revoked current versions are returned (flagged `revoked`) so a caller can say
 * "this was revoked" instead of "unknown".
 */
/** Raw rows (StatementCache.raw): VERSION_COLUMNS, then the observable's key, type, property, value. */
type MatchRow = RawCell[]
const O = VERSION_CELLS

const OBSERVABLE_SELECT = `SELECT ${VERSION_COLUMNS}, o.key AS o_key, o.type AS o_type, o.property AS o_property,
  o.value AS o_value
  FROM observable o
  JOIN object_current c ON c.seq = o.seq
  JOIN object_version v ON v.seq = o.seq`

function toMatch(r: MatchRow): ObservableMatch {
  return { key: r[O] as string, type: r[O + 1] as string, property: r[O + 2] as string, value: r[O + 3] as string, object: rawStoredVersion(r) }
}

export function lookupKey(sql: StatementCache, key: string): ObservableMatch[] {
  return sql
    .raw<[number, string], MatchRow>(`${OBSERVABLE_SELECT} WHERE o.seq IN (SELECT seq FROM observable_key WHERE key_hash = ?) AND o.key = ? ORDER BY o.seq, o.property`)
    .all(hash48(key), key)
    .map(toMatch)
}

/** Many keys at once (a domain and its parents, a batch lookup), in chunks under the variable limit. */
export function lookupKeys(sql: StatementCache, keys: readonly string[]): ObservableMatch[] {
  const unique = [...new Set(keys)]
  const out: ObservableMatch[] = []
  for (const chunk of inChunks(unique)) {
    // The hashes find the versions through observable_key; the keys drop a hash collision.
    const stmt = sql.raw<(string | number)[], MatchRow>(
      `${OBSERVABLE_SELECT} WHERE o.seq IN (SELECT seq FROM observable_key WHERE key_hash IN (${chunk.placeholders}))
         AND o.key IN (${chunk.placeholders}) ORDER BY o.seq, o.key, o.property`,
    )
    for (const r of stmt.all(...chunk.values.map(hash48), ...chunk.values)) out.push(toMatch(r))
  }
  return out
}

/** MatchRow, then the network's prefix, bytes and IP version. */
type IpRow = (RawCell | Buffer)[]

const IP_PROBES: string[] = []

/**
 * One statement for every prefix length present: per-statement overhead, not the index
 * probes, dominated when each length was its own query. The probes are UNION ALL
 * branches, each one seek per tier of ip_network_key; as OR terms sharing `ip_version = ?` the
 * planner searched the index on ip_version alone and ran ~2x slower with two lengths.
 * The text depends only on the number of lengths, so it is built once per count.
 */
function ipProbeSql(count: number): string {
  let text = IP_PROBES[count]
  if (text === undefined) {
    const probe = 'SELECT seq, key, ip_version, prefix, network FROM ip_network_key WHERE ip_version = ? AND prefix = ? AND network = ?'
    text = `SELECT ${VERSION_COLUMNS}, o.key AS o_key, o.type AS o_type, o.property AS o_property, o.value AS o_value,
       n.prefix AS n_prefix, n.network AS n_network, n.ip_version AS n_version
     FROM (${Array.from({ length: count }, () => probe).join(' UNION ALL ')}) n
     JOIN object_current c ON c.seq = n.seq
     JOIN object_version v ON v.seq = n.seq
     JOIN observable o ON o.seq = n.seq AND o.key = n.key
     ORDER BY n.prefix DESC, n.seq, n.key, o.property`
    IP_PROBES[count] = text
  }
  return text
}

/**
 * Containment without range arithmetic in SQL: for each prefix length present in the
 * store (a few dozen at most), mask the address to that length and look the network up
 * exactly in (ip_version, prefix, network). Each probe is one index seek.
 */
export function lookupIp(sql: StatementCache, version: number, bytes: Uint8Array): IpMatch[] {
  checkAddress(version, bytes, 'lookupIp')
  const prefixes = sql
    .get<[number], { prefix: number }>('SELECT prefix FROM ip_prefix WHERE ip_version = ? ORDER BY prefix DESC')
    .all(version)
  if (prefixes.length === 0) return []
  const probe = sql.raw<(number | Buffer)[], IpRow>(ipProbeSql(prefixes.length))
  const params: (number | Buffer)[] = []
  for (const { prefix } of prefixes) params.push(version, prefix, networkOf(bytes, prefix))
  const out: IpMatch[] = []
  for (const r of probe.all(...params)) {
    out.push({ ...toMatch(r as MatchRow), ipVersion: r[O + 6] as IpVersion, prefix: r[O + 4] as number, network: new Uint8Array(r[O + 5] as Buffer) })
  }
  return out
}

const IP_MANY_SELECT = `SELECT ${VERSION_COLUMNS}, o.key AS o_key, o.type AS o_type, o.property AS o_property, o.value AS o_value,
     n.prefix AS n_prefix, n.network AS n_network, n.ip_version AS n_version
   FROM ip_network_key n
   JOIN object_current c ON c.seq = n.seq
   JOIN object_version v ON v.seq = n.seq
   JOIN observable o ON o.seq = n.seq AND o.key = n.key
   WHERE n.ip_version = ? AND n.prefix = ? AND n.network IN`

/**
 * lookupIp for many addresses of one version at once: per prefix length, one IN query per
 * 500 distinct networks instead of one statement per address (a 1,000-value batch lookup
 * spent a third of its time in per-statement work). Answer i is exactly what
 * lookupIp(version, addresses[i]) answers, in the same (prefix desc, seq) order.
 */
export function lookupIpMany(sql: StatementCache, version: number, addresses: readonly Uint8Array[]): IpMatch[][] {
  for (const bytes of addresses) checkAddress(version, bytes, 'lookupIpMany')
  const out: IpMatch[][] = addresses.map(() => [])
  if (addresses.length === 0) return out
  const prefixes = sql
    .get<[number], { prefix: number }>('SELECT prefix FROM ip_prefix WHERE ip_version = ? ORDER BY prefix DESC')
    .all(version)
  for (const { prefix } of prefixes) {
    const byNetwork = new Map<string, { network: Buffer; at: number[] }>()
    addresses.forEach((bytes, i) => {
      const network = networkOf(bytes, prefix)
      const key = network.toString('hex')
      const entry = byNetwork.get(key)
      if (entry) entry.at.push(i)
      else byNetwork.set(key, { network, at: [i] })
    })
    for (const chunk of inChunks([...byNetwork.values()].map((e) => e.network))) {
      const stmt = sql.raw<(number | Buffer)[], IpRow>(`${IP_MANY_SELECT} (${chunk.placeholders}) ORDER BY n.seq, n.key, o.property`)
      for (const r of stmt.all(version, prefix, ...chunk.values)) {
        const network = r[O + 5] as Buffer
        const match: IpMatch = { ...toMatch(r as MatchRow), ipVersion: r[O + 6] as IpVersion, prefix: r[O + 4] as number, network: new Uint8Array(network) }
        for (const i of byNetwork.get(network.toString('hex'))?.at ?? []) out[i]!.push(match)
      }
    }
  }
  return out
}

import { checkAddress, networkOf, type IpVersion } from './ip.js'
import { toStoredVersion, VERSION_COLUMNS, type VersionRow } from './rows.js'
import { inChunks, type StatementCache } from './statements.js'
import type { IpMatch, ObservableMatch } from './types.js'

/**
 * Observable lookups only ever answer with CURRENT versions (object_current.seq): the
 * index holds rows for every stored version, and the join drops history and quarantined
 * bodies. Revoked current versions are returned (flagged `revoked`) so a caller can say
 * "this was revoked" instead of "unknown".
 */
type MatchRow = VersionRow & { o_key: string; o_type: string; o_property: string; o_value: string }

const OBSERVABLE_SELECT = `SELECT ${VERSION_COLUMNS}, o.key AS o_key, o.type AS o_type, o.property AS o_property,
  o.value AS o_value
  FROM observable o
  JOIN object_current c ON c.seq = o.seq
  JOIN object_version v ON v.seq = o.seq`

function toMatch(r: MatchRow): ObservableMatch {
  return { key: r.o_key, type: r.o_type, property: r.o_property, value: r.o_value, object: toStoredVersion(r) }
}

export function lookupKey(sql: StatementCache, key: string): ObservableMatch[] {
  return sql.get<[string], MatchRow>(`${OBSERVABLE_SELECT} WHERE o.key = ? ORDER BY o.seq`).all(key).map(toMatch)
}

/** Many keys at once (a domain and its parents, a batch lookup), in chunks under the variable limit. */
export function lookupKeys(sql: StatementCache, keys: readonly string[]): ObservableMatch[] {
  const unique = [...new Set(keys)]
  const out: ObservableMatch[] = []
  for (const chunk of inChunks(unique)) {
    const stmt = sql.get<string[], MatchRow>(`${OBSERVABLE_SELECT} WHERE o.key IN (${chunk.placeholders}) ORDER BY o.seq, o.key`)
    for (const r of stmt.all(...chunk.values)) out.push(toMatch(r))
  }
  return out
}

type IpRow = MatchRow & { n_prefix: number; n_network: Buffer; n_version: IpVersion }

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
  // One statement for every prefix length present: per-statement overhead, not the index
  // probes, dominated when each length was its own query. Each OR term uses the index.
  const terms = prefixes.map(() => '(n.ip_version = ? AND n.prefix = ? AND n.network = ?)').join(' OR ')
  const probe = sql.get<(number | Buffer)[], IpRow>(
    `SELECT ${VERSION_COLUMNS}, o.key AS o_key, o.type AS o_type, o.property AS o_property, o.value AS o_value,
       n.prefix AS n_prefix, n.network AS n_network, n.ip_version AS n_version
     FROM ip_network n
     JOIN object_current c ON c.seq = n.seq
     JOIN object_version v ON v.seq = n.seq
     JOIN observable o ON o.seq = n.seq AND o.key = n.key
     WHERE ${terms}
     ORDER BY n.prefix DESC, n.seq`,
  )
  const params: (number | Buffer)[] = []
  for (const { prefix } of prefixes) params.push(version, prefix, networkOf(bytes, prefix))
  const out: IpMatch[] = []
  for (const r of probe.all(...params)) {
    out.push({ ...toMatch(r), ipVersion: r.n_version, prefix: r.n_prefix, network: new Uint8Array(r.n_network) })
  }
  return out
}

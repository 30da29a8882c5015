import { toStoredVersion, VERSION_COLUMNS, type VersionRow } from './rows.js'
import type { StatementCache } from './statements.js'
import type { ActiveIndicator, ActiveQuery } from './types.js'

/**
 * Active = what a firewall may block on (DESIGN.md, Feeds): the current, valid version of
 * an `indicator` that is not revoked, is inside [valid_from, valid_until), and carries no
 * flag (a warninglist hit is a flag). One streaming query ordered by seq; consecutive rows
 * of one version are grouped, so memory stays flat however large the feed.
 */
type ActiveRow = VersionRow & { o_key: string; o_type: string; o_property: string; o_value: string }

export function* activeIndicators(sql: StatementCache, q: ActiveQuery): Generator<ActiveIndicator, void, undefined> {
  const where = [
    "c.type = 'indicator'",
    'v.revoked = 0',
    'v.flags IS NULL',
    '(v.valid_until IS NULL OR v.valid_until > @now)',
    '(v.valid_from IS NULL OR v.valid_from <= @now)',
  ]
  const params: Record<string, unknown> = { now: q.now }
  if (q.type !== undefined) {
    where.push('o.type = @type')
    params.type = q.type
  }
  if (q.minConfidence !== undefined) {
    where.push('v.confidence >= @minConfidence')
    params.minConfidence = q.minConfidence
  }
  const stmt = sql.get<[Record<string, unknown>], ActiveRow>(
    `SELECT ${VERSION_COLUMNS}, o.key AS o_key, o.type AS o_type, o.property AS o_property, o.value AS o_value
     FROM object_current c
     JOIN object_version v ON v.seq = c.seq
     JOIN observable o ON o.seq = c.seq
     WHERE ${where.join(' AND ')}
     ORDER BY c.seq, o.key, o.property`,
  )
  let current: { object: ActiveIndicator['object']; observables: ActiveIndicator['observables'][number][] } | undefined
  for (const r of stmt.iterate(params)) {
    if (current === undefined || current.object.seq !== r.seq) {
      if (current !== undefined) yield current
      current = { object: toStoredVersion(r), observables: [] }
    }
    current.observables.push({ key: r.o_key, type: r.o_type, property: r.o_property, value: r.o_value })
  }
  if (current !== undefined) yield current
}

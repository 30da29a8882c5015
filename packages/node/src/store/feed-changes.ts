import { hash48 } from './hash48.js'
import { byIdSql } from './key-tiers.js'
import { toStoredVersion, VERSION_COLUMNS, type VersionRow } from './rows.js'
import type { StatementCache } from './statements.js'
import type { StoredVersion } from './types.js'

/**
 * The SQL behind the firewall feeds (serve/http/feeds). "Active" is the rule of active.ts:
 * the current version of an `indicator`, not revoked, no flag, inside [valid_from,
 * valid_until). Feeds page through it by (seq, key) so no statement stays open while a
 * slow client reads the response (an open better-sqlite3 iterator blocks every write on
 * the connection).
 */

/** One observable of one active indicator, as a feed line needs it. */
export interface FeedRow {
  readonly seq: number
  readonly id: string
  readonly tlp: string | null
  readonly confidence: number | null
  readonly validUntil: number | null
  readonly createdByRef: string | null
  readonly key: string
  readonly value: string
}

export interface FeedPageQuery {
  /** Observable type and property, e.g. 'file' + 'hashes.SHA-256'. */
  readonly type: string
  readonly property: string
  readonly minConfidence?: number
  /** Epoch milliseconds. */
  readonly now: number
  /** Position after the last row of the previous page. */
  readonly after?: { readonly seq: number; readonly key: string }
  readonly limit: number
}

/** Versions whose feed membership may have changed in (since, until]. */
export interface FeedChangeWindow {
  /** Microseconds (date_added scale), exclusive. */
  readonly sinceUs: number
  /** Microseconds, inclusive. */
  readonly untilUs: number
}

export interface FeedObservable {
  readonly seq: number
  readonly key: string
  readonly value: string
}

const ACTIVE = `c.type = 'indicator' AND v.revoked = 0 AND v.flags IS NULL
  AND (v.valid_until IS NULL OR v.valid_until > @now) AND (v.valid_from IS NULL OR v.valid_from <= @now)`

interface FeedRowSql {
  seq: number
  id: string
  tlp: string | null
  confidence: number | null
  valid_until: number | null
  created_by_ref: string | null
  key: string
  value: string
}

export class FeedQueries {
  constructor(private readonly sql: StatementCache) {}

  /** One page of active observables of one type, in (seq, key) order. */
  activePage(q: FeedPageQuery): FeedRow[] {
    const where = [ACTIVE, 'o.type = @type', 'o.property = @property', '(o.seq, o.key) > (@afterSeq, @afterKey)']
    const params: Record<string, unknown> = {
      now: q.now,
      type: q.type,
      property: q.property,
      afterSeq: q.after?.seq ?? 0,
      afterKey: q.after?.key ?? '',
      limit: q.limit,
    }
    if (q.minConfidence !== undefined) {
      where.push('v.confidence >= @minConfidence')
      params.minConfidence = q.minConfidence
    }
    return this.sql
      .get<[Record<string, unknown>], FeedRowSql>(
        `SELECT o.seq, v.id, v.tlp, v.confidence, v.valid_until, v.created_by_ref, o.key, o.value
         FROM observable o
         JOIN object_current c ON c.seq = o.seq
         JOIN object_version v ON v.seq = o.seq
         WHERE ${where.join(' AND ')}
         ORDER BY o.seq, o.key
         LIMIT @limit`,
      )
      .all(params)
      .map((r) => ({
        seq: r.seq,
        id: r.id,
        tlp: r.tlp,
        confidence: r.confidence,
        validUntil: r.valid_until,
        createdByRef: r.created_by_ref,
        key: r.key,
        value: r.value,
      }))
  }

  /**
   * Current indicator versions that were stored in the window, or whose valid_until or
   * valid_from falls in it (expired, or became valid, without a new version): every
   * indicator that can have entered or left a feed. Seq order; ids only, to keep a long
   * window cheap in memory.
   */
  changedSeqs(w: FeedChangeWindow): number[] {
    const sinceMs = Math.floor(w.sinceUs / 1000)
    const untilMs = Math.floor(w.untilUs / 1000)
    return this.sql
      .get<[Record<string, unknown>], { seq: number }>(
        `SELECT s.seq FROM (
           SELECT seq FROM object_version WHERE date_added > @sinceUs AND date_added <= @untilUs
           UNION SELECT seq FROM object_version WHERE valid_until > @sinceMs AND valid_until <= @untilMs
           UNION SELECT seq FROM object_version WHERE valid_from > @sinceMs AND valid_from <= @untilMs
         ) s JOIN object_current c ON c.seq = s.seq
         WHERE c.type = 'indicator'
         ORDER BY s.seq`,
      )
      .all({ sinceUs: w.sinceUs, untilUs: w.untilUs, sinceMs, untilMs })
      .map((r) => r.seq)
  }

  /** The stored version at `seq`. */
  version(seq: number): StoredVersion | undefined {
    const r = this.sql.get<[number], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM object_version v WHERE v.seq = ?`).get(seq)
    return r && toStoredVersion(r)
  }

  /** Observables of one type/property in every stored version of `id` (what it may once have put in a feed). */
  observablesOf(id: string, type: string, property: string): FeedObservable[] {
    return this.sql
      .get<[number, string, string, string], FeedObservable>(
        `SELECT o.seq, o.key, o.value FROM object_current c JOIN object_version v ON v.oid = c.oid
         JOIN observable o ON o.seq = v.seq
         WHERE ${byIdSql('c')} AND o.type = ? AND o.property = ? ORDER BY o.seq, o.key`,
      )
      .all(hash48(id), id, type, property)
  }

  /** Number of active indicators (the feeds' population), for metrics. */
  countActive(now: number): number {
    return (
      this.sql
        .get<[{ now: number }], { n: number }>(
          `SELECT count(*) AS n FROM object_current c JOIN object_version v ON v.seq = c.seq WHERE ${ACTIVE}`,
        )
        .get({ now })?.n ?? 0
    )
  }
}

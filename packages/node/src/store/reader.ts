import type { Database } from 'better-sqlite3'
import { activeIndicators } from './active.js'
import { FeedQueries } from './feed-changes.js'
import { byIdSql } from './key-tiers.js'
import { lookupIp, lookupIpMany, lookupKey, lookupKeys } from './lookup.js'
import { manifest, page, pageLean } from './page.js'
import { toStoredVersion, VERSION_COLUMNS, type VersionRow } from './rows.js'
import { hash48 } from './hash48.js'
import { StatementCache } from './statements.js'
import { parseStixTimestamp } from './timestamp.js'
import type {
  ActiveIndicator,
  ActiveQuery,
  EquivocationRecord,
  IpMatch,
  LogEntry,
  ManifestEntry,
  ObservableMatch,
  OriginFlag,
  PagedVersion,
  PageQuery,
  PageResult,
  StoreCounts,
  StoredVersion,
} from './types.js'

/** Finds an id's head row (key-tiers.ts). */
const BY_ID = byIdSql('c')

export interface PeerCursor {
  readonly peer: string
  readonly seq: number
  /** Epoch milliseconds of the last update. */
  readonly updatedAt: number
}

/**
 * Read access to the store. A read-only handle is exactly this class on a connection
 * opened read-only, so it can neither be asked to write (no such methods) nor write by
 * accident (SQLite refuses). `Store` extends it with the write side.
 */
export class StoreReader {
  protected readonly db: Database
  protected readonly sql: StatementCache
  readonly path: string

  constructor(db: Database, path: string) {
    this.db = db
    this.sql = new StatementCache(db)
    this.path = path
  }

  /** The current (latest valid) version of `id`. */
  get(id: string): StoredVersion | undefined {
    const r = this.sql
      .get<[number, string], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM object_current c JOIN object_version v ON v.seq = c.seq WHERE ${BY_ID}`,
      )
      .get(hash48(id), id)
    return r && toStoredVersion(r)
  }

  /** Every stored version of `id`, quarantined ones included, oldest `modified` first. */
  versions(id: string): StoredVersion[] {
    return this.sql
      .get<[number, string], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM object_current c JOIN object_version v ON v.oid = c.oid
         WHERE ${BY_ID} ORDER BY v.modified_key, v.seq`,
      )
      .all(hash48(id), id)
      .map(toStoredVersion)
  }

  /** The valid version at `modified` (same instant at any precision); quarantined bodies are not returned. */
  getVersion(id: string, modified: string): StoredVersion | undefined {
    const r = this.sql
      .get<[number, string, string], VersionRow>(
        `SELECT ${VERSION_COLUMNS} FROM object_current c JOIN object_version v ON v.oid = c.oid
         WHERE ${BY_ID} AND v.modified_key = ? AND v.status = 'valid'`,
      )
      .get(hash48(id), id, parseStixTimestamp(modified, 'getVersion').key)
    return r && toStoredVersion(r)
  }

  /** Seen before? A seek on the head's id hash, then one on (oid, modified, hash): the sync fast path. */
  has(id: string, modified: string, hash: string): boolean {
    return (
      this.sql
        .get<[number, string, string, string], { one: number }>(
          `SELECT 1 AS one FROM object_current c JOIN object_version v ON v.oid = c.oid
           WHERE ${BY_ID} AND v.modified_key = ? AND v.hash = ?`,
        )
        .get(hash48(id), id, parseStixTimestamp(modified, 'has').key, hash) !== undefined
    )
  }

  /** Which of `ids` have any stored version (one query for the whole list). */
  heldIds(ids: readonly string[]): Set<string> {
    if (ids.length === 0) return new Set()
    const rows = this.sql
      .get<[string, string], { id: string }>(
        `SELECT id FROM object_current WHERE oid IN (SELECT oid FROM object_key WHERE id_hash IN (SELECT value FROM json_each(?)))
           AND id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(ids.map(hash48)), JSON.stringify(ids))
    return new Set(rows.map((r) => r.id))
  }

  lookupObservable(key: string): ObservableMatch[] {
    return lookupKey(this.sql, key)
  }

  lookupDomainKeys(keys: readonly string[]): ObservableMatch[] {
    return lookupKeys(this.sql, keys)
  }

  /** Current versions indexed under any of `keys` (one IN query per 500 keys), in (seq, key) order. */
  lookupObservableKeys(keys: readonly string[]): ObservableMatch[] {
    return lookupKeys(this.sql, keys)
  }

  /** Indicators whose network contains the address (`bytes` is 4 or 16 bytes). */
  lookupIp(version: 4 | 6, bytes: Uint8Array): IpMatch[] {
    return lookupIp(this.sql, version, bytes)
  }

  /** lookupIp for many addresses of one version; answer i is lookupIp(version, addresses[i]). */
  lookupIpMany(version: 4 | 6, addresses: readonly Uint8Array[]): IpMatch[][] {
    return lookupIpMany(this.sql, version, addresses)
  }

  /** The sync log: versions with seq > `seq`, in seq order, every status (the sync layer filters). */
  since(seq: number, limit: number): StoredVersion[] {
    return this.sql
      .get<[number, number], VersionRow>(`SELECT ${VERSION_COLUMNS} FROM object_version v WHERE v.seq > ? ORDER BY v.seq LIMIT ?`)
      .all(seq, limit)
      .map(toStoredVersion)
  }

  /**
   * The sync log entries with `after` < seq ≤ `upTo`, with only the columns a sync server
   * reads, as plain rows (building a StoredVersion per entry was a visible share of
   * serving a catch-up). Versions whose origin is `skipOrigin` are left out in SQL: a
   * server never sends a peer what it received from that peer (docs/protocol.md §9.4).
   */
  logWindow(after: number, upTo: number, skipOrigin = ''): LogEntry[] {
    return this.sql
      .get<[number, number, string], LogEntry>(
        `SELECT seq, id, type, modified, signer, tlp, status, origin, json
         FROM object_version WHERE seq > ? AND seq <= ? AND origin != ? ORDER BY seq`,
      )
      .all(after, upTo, skipOrigin)
  }

  /**
   * The first version this node signed with `key` that a peer needs an AMBER right for
   * (marked AMBER, or unmarked, which the node may serve at its default TLP). A full scan:
   * called only when a peer is granted AMBER.
   */
  firstOwnAmberSeq(key: string): number | undefined {
    return (
      this.sql
        .get<[string], { s: number | null }>(
          `SELECT min(seq) AS s FROM object_version WHERE signer = ? AND (tlp IS NULL OR tlp IN ('amber', 'amber+strict'))`,
        )
        .get(key)?.s ?? undefined
    )
  }

  lastSeq(): number {
    return this.sql.get<[], { s: number | null }>('SELECT max(seq) AS s FROM object_version').get()?.s ?? 0
  }

  page(q: PageQuery): PageResult<StoredVersion> {
    return page(this.sql, q)
  }

  /** `page` with only the columns TAXII serves (see PagedVersion). */
  pageLean(q: PageQuery): PageResult<PagedVersion> {
    return pageLean(this.sql, q)
  }

  manifest(q: PageQuery): PageResult<ManifestEntry> {
    return manifest(this.sql, q)
  }

  activeIndicators(q: ActiveQuery): Generator<ActiveIndicator, void, undefined> {
    return activeIndicators(this.sql, q)
  }

  /** Firewall-feed queries: active pages, changes in a window (feed-changes.ts). */
  feeds(): FeedQueries {
    return new FeedQueries(this.sql)
  }

  count(): StoreCounts {
    const one = (sql: string): number => this.sql.get<[], { n: number | null }>(sql).get()?.n ?? 0
    return {
      versions: one('SELECT count(*) AS n FROM object_version'),
      objects: one('SELECT count(*) AS n FROM object_current WHERE seq IS NOT NULL'),
      quarantined: one("SELECT count(*) AS n FROM object_version WHERE status = 'quarantined'"),
      revokedObjects: one('SELECT count(*) AS n FROM object_current WHERE revoked_final = 1'),
      observables: one('SELECT count(*) AS n FROM observable'),
      networks: one('SELECT count(*) AS n FROM ip_network_key'),
      equivocations: one('SELECT count(*) AS n FROM equivocation'),
      lastSeq: this.lastSeq(),
    }
  }

  /** Highest seq of `peer`'s log stored here; 0 when nothing was received yet. */
  getCursor(peer: string): number {
    return this.sql.get<[string], { seq: number }>('SELECT seq FROM peer_cursor WHERE peer_id = ?').get(peer)?.seq ?? 0
  }

  cursors(): PeerCursor[] {
    return this.sql
      .get<[], PeerCursor>('SELECT peer_id AS peer, seq, updated_at AS updatedAt FROM peer_cursor ORDER BY peer_id')
      .all()
  }

  getMeta(key: string): string | undefined {
    return this.sql.get<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get(key)?.value
  }

  /** Equivocation proofs, optionally for one object id. */
  equivocations(id?: string): EquivocationRecord[] {
    const cols = `proof_id AS proofId, id, modified, signer, hash_a AS hashA, json_a AS jsonA, hash_b AS hashB,
      json_b AS jsonB, origin, detected_at AS detectedAt`
    return id === undefined
      ? this.sql.get<[], EquivocationRecord>(`SELECT ${cols} FROM equivocation ORDER BY proof_id`).all()
      : this.sql.get<[string], EquivocationRecord>(`SELECT ${cols} FROM equivocation WHERE id = ? ORDER BY proof_id`).all(id)
  }

  /** Misbehaviour recorded against origins (peers, imports), e.g. reason 'equivocation'. */
  originFlags(origin?: string): OriginFlag[] {
    const cols = 'origin, reason, count, first_at AS firstAt, last_at AS lastAt'
    return origin === undefined
      ? this.sql.get<[], OriginFlag>(`SELECT ${cols} FROM origin_flag ORDER BY origin, reason`).all()
      : this.sql.get<[string], OriginFlag>(`SELECT ${cols} FROM origin_flag WHERE origin = ? ORDER BY reason`).all(origin)
  }

  /** Runs SQLite's full consistency check; returns the problems found (empty = ok). */
  integrityCheck(): string[] {
    const rows = this.db.pragma('integrity_check') as { integrity_check: string }[]
    const problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok')
    const fk = this.db.pragma('foreign_key_check') as unknown[]
    return fk.length > 0 ? [...problems, `${fk.length} foreign key violation(s)`] : problems
  }

  /** The connection's durability settings as SQLite reports them now (for health checks). */
  settings(): { journalMode: string; synchronous: number; foreignKeys: boolean } {
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: Number(this.db.pragma('synchronous', { simple: true })),
      foreignKeys: this.db.pragma('foreign_keys', { simple: true }) === 1,
    }
  }

  get isOpen(): boolean {
    return this.db.open
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}

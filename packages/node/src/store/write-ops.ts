import { hash48 } from './hash48.js'
import { networkOf } from './ip.js'
import { byIdSql, insertKeySql, KEY_TIERS, KeyTiers } from './key-tiers.js'
import { keyOfMs } from './timestamp.js'
import type { StatementCache } from './statements.js'
import type { PreparedVersion, VersionStatus } from './types.js'

/** Finds an id's head row (key-tiers.ts). */
const BY_ID = byIdSql('h')

export interface HeadRow {
  oid: number
  seq: number | null
  modified_key: string | null
  type: string
  signer: string | null
  revoked_final: number
}

export interface SameModifiedRow {
  seq: number
  hash: string
  status: VersionStatus
}

/**
 * The write statements, one method each, shared by put(), putBatch() and
 * recordEquivocation(). Every method runs inside a transaction opened by `Store`.
 */
export class WriteOps {
  readonly #sql: StatementCache
  readonly #now: () => number
  #lastAdded = 0
  #lastOid = 0
  /** (version, prefix) pairs already ensured in ip_prefix during this transaction. */
  readonly #prefixesSeen = new Set<number>()
  #futureKey: { ms: number; key: string } | undefined
  /** hash48 of the id head() looked up last: insertHead() of a new object reuses it. */
  #headHash: { id: string; hash: number } | undefined

  readonly #keys: KeyTiers
  readonly #insertKey = {
    object: insertKeySql(KEY_TIERS.object),
    observable: insertKeySql(KEY_TIERS.observable),
    ipNetwork: insertKeySql(KEY_TIERS.ipNetwork),
  }

  constructor(sql: StatementCache, now: () => number) {
    this.#sql = sql
    this.#now = now
    this.#keys = new KeyTiers(sql)
  }

  /** The key tiers (key-tiers.ts): which are due to move, and moving them. */
  get keys(): KeyTiers {
    return this.#keys
  }

  now(): number {
    return this.#now()
  }

  /** `keyOfMs(ms)`, memoised for the common case of many puts within one clock tick. */
  keyOf(ms: number): string {
    if (this.#futureKey?.ms !== ms) this.#futureKey = { ms, key: keyOfMs(ms) }
    return this.#futureKey.key
  }

  /** Called at the start of each write transaction: the file, not memory, holds the last date_added. */
  begin(): void {
    // Per transaction only: after a rollback the rows these remember are gone too.
    this.#prefixesSeen.clear()
    this.#lastAdded = this.#sql.get<[], { d: number | null }>('SELECT max(date_added) AS d FROM object_version').get()?.d ?? 0
    this.#lastOid = this.#sql.get<[], { o: number | null }>('SELECT max(oid) AS o FROM object_current').get()?.o ?? 0
  }

  /** The oid for a new object's head row: known before the head is written, so its first version can carry it. */
  nextOid(): number {
    return ++this.#lastOid
  }

  /** TAXII date_added in microseconds, strictly increasing even when the clock stalls or steps back. */
  #nextDateAdded(): number {
    const d = Math.max(Math.floor(this.#now() * 1000), this.#lastAdded + 1)
    this.#lastAdded = d
    return d
  }

  sameModified(oid: number, modifiedKey: string): SameModifiedRow[] {
    return this.#sql
      .get<[number, string], SameModifiedRow>('SELECT seq, hash, status FROM object_version WHERE oid = ? AND modified_key = ? ORDER BY seq')
      .all(oid, modifiedKey)
  }

  head(id: string): HeadRow | undefined {
    return this.#sql
      .get<[number, string], HeadRow>(
        `SELECT oid, seq, modified_key, type, signer, revoked_final FROM object_current h WHERE ${BY_ID}`,
      )
      .get(this.#idHash(id), id)
  }

  body(seq: number): { modified: string; hash: string; json: string } {
    const r = this.#sql.get<[number], { modified: string; hash: string; json: string }>(
      'SELECT modified, hash, json FROM object_version WHERE seq = ?',
    ).get(seq)
    if (!r) throw new Error(`object_version seq ${seq} vanished inside a transaction`)
    return r
  }

  insertVersion(oid: number, v: PreparedVersion, modifiedKey: string, status: VersionStatus): number {
    const info = this.#sql
      .get<unknown[]>(
        `INSERT INTO object_version (oid, date_added, id, type, spec_version, created, modified, modified_key,
           created_by_ref, signer, hash, json, revoked, tlp, confidence, valid_from, valid_until, status, origin, flags)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        oid, this.#nextDateAdded(), v.id, v.type, v.specVersion, v.created, v.modified, modifiedKey,
        v.createdByRef ?? null, v.signer ?? null, v.hash, v.json, v.revoked ? 1 : 0, v.tlp, v.confidence ?? null,
        v.validFrom ?? null, v.validUntil ?? null, status, v.origin,
        v.flags !== undefined && v.flags.length > 0 ? JSON.stringify(v.flags) : null,
      )
    const seq = Number(info.lastInsertRowid)
    // Quarantined bodies are proof, never current, so they are kept out of the lookup indexes.
    if (status === 'valid') this.#index(seq, v)
    return seq
  }

  #index(seq: number, v: PreparedVersion): void {
    const obs = this.#sql.get<unknown[]>(
      'INSERT OR IGNORE INTO observable (seq, key_hash, key, type, property, value) VALUES (?, ?, ?, ?, ?, ?)',
    )
    const prefix = this.#sql.get<unknown[]>('INSERT OR IGNORE INTO ip_prefix (ip_version, prefix) VALUES (?, ?)')
    const obsKey = this.#sql.get<unknown[]>(this.#insertKey.observable)
    const netKey = this.#sql.get<unknown[]>(this.#insertKey.ipNetwork)
    for (const o of v.observables) {
      const keyHash = hash48(o.key)
      obs.run(seq, keyHash, o.key, o.type, o.property, o.value)
      this.#keys.added(KEY_TIERS.observable, obsKey.run(keyHash, seq).changes)
      if (o.network) {
        const network = networkOf(o.network.bytes, o.network.prefix)
        this.#keys.added(KEY_TIERS.ipNetwork, netKey.run(o.network.version, o.network.prefix, network, seq, o.key).changes)
        const pair = o.network.version * 256 + o.network.prefix
        if (!this.#prefixesSeen.has(pair)) {
          prefix.run(o.network.version, o.network.prefix)
          this.#prefixesSeen.add(pair)
        }
      }
    }
  }

  /** `oid` from nextOid(); the caller has just seen that `id` has no head (one head per id: see migration 004). */
  insertHead(oid: number, id: string, type: string, signer: string | null, seq: number | null, modifiedKey: string | null, revoked: boolean): void {
    this.#sql
      .get<unknown[]>(
        'INSERT INTO object_current (oid, id, id_hash, seq, modified_key, type, signer, revoked_final) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(oid, id, this.#idHash(id), seq, modifiedKey, type, signer, revoked ? 1 : 0)
    this.#keys.added(KEY_TIERS.object, this.#sql.get<unknown[]>(this.#insertKey.object).run(this.#idHash(id), oid).changes)
  }

  #idHash(id: string): number {
    if (this.#headHash?.id !== id) this.#headHash = { id, hash: hash48(id) }
    return this.#headHash.hash
  }

  setCurrent(oid: number, seq: number | null, modifiedKey: string | null, revokedFinal: boolean): void {
    this.#sql
      .get<unknown[]>('UPDATE object_current SET seq = ?, modified_key = ?, revoked_final = ? WHERE oid = ?')
      .run(seq, modifiedKey, revokedFinal ? 1 : 0, oid)
  }

  /**
   * After a quarantine the current version may have to fall back: the latest valid version,
   * a revoked one first because revocation is final (DESIGN.md invariant 3).
   */
  recomputeCurrent(oid: number): void {
    const best = this.#sql
      .get<[number], { seq: number; modified_key: string }>(
        `SELECT seq, modified_key FROM object_version WHERE oid = ? AND status = 'valid'
         ORDER BY revoked DESC, modified_key DESC, seq DESC LIMIT 1`,
      )
      .get(oid)
    this.#sql
      .get<unknown[]>('UPDATE object_current SET seq = ?, modified_key = ? WHERE oid = ?')
      .run(best?.seq ?? null, best?.modified_key ?? null, oid)
  }

  /** Returns how many versions changed status. */
  quarantine(oid: number, modifiedKey: string): number {
    return this.#sql
      .get<unknown[]>("UPDATE object_version SET status = 'quarantined' WHERE oid = ? AND modified_key = ? AND status = 'valid'")
      .run(oid, modifiedKey).changes
  }

  /** Stores one proof pair (ordered by hash so a pair is recorded once); returns false if already known. */
  insertProof(p: {
    id: string; modified: string; modifiedKey: string; signer: string | null; origin: string
    a: { hash: string; json: string }; b: { hash: string; json: string }
  }): boolean {
    const [x, y] = p.a.hash < p.b.hash ? [p.a, p.b] : [p.b, p.a]
    return (
      this.#sql
        .get<unknown[]>(
          `INSERT OR IGNORE INTO equivocation (id, modified, modified_key, signer, hash_a, json_a, hash_b, json_b, origin, detected_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(p.id, p.modified, p.modifiedKey, p.signer, x.hash, x.json, y.hash, y.json, p.origin, this.#now()).changes === 1
    )
  }

  flagOrigin(origin: string, reason: string): void {
    const now = this.#now()
    this.#sql
      .get<unknown[]>(
        `INSERT INTO origin_flag (origin, reason, count, first_at, last_at) VALUES (?, ?, 1, ?, ?)
         ON CONFLICT (origin, reason) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
      )
      .run(origin, reason, now, now)
  }

  setCursor(peer: string, seq: number): void {
    this.#sql
      .get<unknown[]>(
        `INSERT INTO peer_cursor (peer_id, seq, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (peer_id) DO UPDATE SET seq = excluded.seq, updated_at = excluded.updated_at`,
      )
      .run(peer, seq, this.#now())
  }

  setMeta(key: string, value: string): void {
    this.#sql
      .get<unknown[]>('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, value)
  }
}

import type { StatementCache } from './statements.js'

/**
 * The store's three lookup keys with random values (store README, "Write cost"), each
 * kept in two tiers: a large `_main` table and a small `_recent` one, both WITHOUT ROWID
 * with the whole key as primary key, read together through a UNION ALL view of the
 * tier's name (SQLite pushes `WHERE` terms into both arms, so a lookup is two seeks).
 *
 * Writes go to `_recent` only. A random insert into a B-tree of N entries dirties one of
 * ~N/400 leaf pages, and at synchronous=FULL every dirtied page is written to the WAL at
 * commit; with one tier per key, a 2,000-object commit into a store of a million objects
 * rewrote most leaf pages of each key, and the cost per object doubled as the store grew.
 * `_recent` stays small, so a commit dirties few pages; now and then its rows move to
 * `_main` in key order, which touches each page of `_main` about once.
 */
export interface KeyTier {
  /** The view; `_main` and `_recent` are the tables. */
  readonly name: string
  /** The key columns, in primary-key order. */
  readonly columns: readonly string[]
}

export const KEY_TIERS = {
  /** object_current by id: `hash48(id)` → oid. */
  object: { name: 'object_key', columns: ['id_hash', 'oid'] },
  /** observable by key: `hash48(key)` → the version's seq. */
  observable: { name: 'observable_key', columns: ['key_hash', 'seq'] },
  /** Every indexed network, by (version, prefix, network bytes) → seq and observable key. */
  ipNetwork: { name: 'ip_network_key', columns: ['ip_version', 'prefix', 'network', 'seq', 'key'] },
} as const satisfies Record<string, KeyTier>

const TIERS: readonly KeyTier[] = Object.values(KEY_TIERS)

const COLUMN_TYPES: Record<string, string> = { network: 'BLOB', key: 'TEXT' }

/** The two tables of one key (migration 005). */
export function keyTierTables(tier: KeyTier): string {
  const table = (suffix: string): string =>
    `CREATE TABLE ${tier.name}_${suffix} (${tier.columns.map((c) => `${c} ${COLUMN_TYPES[c] ?? 'INTEGER'} NOT NULL`).join(', ')},
       PRIMARY KEY (${tier.columns.join(', ')})) WITHOUT ROWID;`
  return `${table('main')}\n${table('recent')}`
}

/** The view a lookup reads, both tiers at once (migration 005). */
export function keyTierView(tier: KeyTier): string {
  const cols = tier.columns.join(', ')
  return `CREATE VIEW ${tier.name} AS SELECT ${cols} FROM ${tier.name}_main UNION ALL SELECT ${cols} FROM ${tier.name}_recent;`
}

/**
 * The `WHERE` terms that find the object_current row of one id (`alias` names the table):
 * its oid through `object_key`, then `id` itself, which drops a hash collision. Binds
 * hash48(id), then id.
 */
export function byIdSql(alias: string): string {
  return `${alias}.oid IN (SELECT oid FROM object_key WHERE id_hash = ?) AND ${alias}.id = ?`
}

/** The statement that adds one key row: `INSERT OR IGNORE INTO <name>_recent …`. */
export function insertKeySql(tier: KeyTier): string {
  return `INSERT OR IGNORE INTO ${tier.name}_recent (${tier.columns.join(', ')}) VALUES (${tier.columns.map(() => '?').join(', ')})`
}

/**
 * Rows `_recent` may hold before they move to `_main`. A commit of b rows dirties about
 * min(b, R/400) pages of `_recent` (R its rows) and a move rewrites `_main`'s ~M/400
 * pages once per R rows, so the cost per row, R/400b + M/(400R), is least near
 * R = √(b·M); with b = 2,000 (a sync batch) that is ~45·√M. The floor keeps small stores
 * from moving rows every few commits.
 */
export const MIN_RECENT_ROWS = 50_000

export function recentLimit(mainRows: number): number {
  return Math.max(MIN_RECENT_ROWS, Math.ceil(45 * Math.sqrt(mainRows)))
}

/**
 * Counts rows added to each `_recent` and says when a tier is due to move. The counts are
 * estimates (a rolled-back transaction leaves them high, another connection's writes
 * leave them low), so a tier's tables are counted before it moves, and once per
 * connection at the first check: `_recent` may already hold rows from earlier runs.
 */
export class KeyTiers {
  readonly #sql: StatementCache
  readonly #added = new Map<string, number>()
  /** Per tier, the estimate at which the tables are counted next. */
  readonly #due = new Map<string, number>()

  constructor(sql: StatementCache) {
    this.#sql = sql
  }

  /** Call after a statement from insertKeySql() added `changes` rows. */
  added(tier: KeyTier, changes: number): void {
    this.#added.set(tier.name, (this.#added.get(tier.name) ?? 0) + changes)
  }

  /** The tiers whose `_recent` is full; call after a write transaction has committed. */
  due(): KeyTier[] {
    const out: KeyTier[] = []
    for (const tier of TIERS) {
      const due = this.#due.get(tier.name)
      if (due !== undefined && (this.#added.get(tier.name) ?? 0) < due) continue
      const recent = this.#count(`${tier.name}_recent`)
      const limit = recentLimit(this.#count(`${tier.name}_main`))
      this.#added.set(tier.name, recent)
      this.#due.set(tier.name, limit)
      if (recent >= limit) out.push(tier)
    }
    return out
  }

  /** After a move failed: try again once this many more rows have come. */
  postpone(tier: KeyTier, rows: number): void {
    this.#due.set(tier.name, (this.#added.get(tier.name) ?? 0) + rows)
  }

  /**
   * Moves every row of `_recent` to `_main`, in key order (each `_main` page is written
   * about once). Idempotent, and correct in any transaction: lookups read both tiers.
   */
  move(tier: KeyTier): void {
    const cols = tier.columns.join(', ')
    this.#sql.get(`INSERT OR IGNORE INTO ${tier.name}_main (${cols}) SELECT ${cols} FROM ${tier.name}_recent ORDER BY ${cols}`).run()
    this.#sql.get(`DELETE FROM ${tier.name}_recent`).run()
    this.#added.set(tier.name, 0)
  }

  #count(table: string): number {
    return this.#sql.get<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0
  }
}

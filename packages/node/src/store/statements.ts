import type { Database, Statement } from 'better-sqlite3'

/**
 * Prepared statements are compiled once per connection and reused: preparing costs more
 * than running a small indexed statement, and put() runs several per object.
 */
export class StatementCache {
  readonly #db: Database
  readonly #cache = new Map<string, Statement>()

  constructor(db: Database) {
    this.#db = db
  }

  /** The text of every statement prepared so far (the store's query-plan tests read them). */
  texts(): string[] {
    return [...this.#cache.values()].map((s) => s.source)
  }

  get<P extends unknown[] | {} = unknown[], R = unknown>(sql: string): Statement<P, R> {
    let stmt = this.#cache.get(sql)
    if (!stmt) {
      stmt = this.#db.prepare(sql)
      this.#cache.set(sql, stmt)
    }
    return stmt as unknown as Statement<P, R>
  }

  /**
   * The same statement in raw mode: rows come back as arrays in column order. better-sqlite3
   * builds a row object property by property, which for wide rows cost more than running
   * the query (a 101-row TAXII page: 0.50 ms as objects, 0.32 ms as arrays). Cached apart
   * from `get`, since raw mode is a property of the statement.
   */
  raw<P extends unknown[] | {} = unknown[], R extends unknown[] = unknown[]>(sql: string): Statement<P, R> {
    const key = `raw\u0000${sql}`
    let stmt = this.#cache.get(key)
    if (!stmt) {
      stmt = this.#db.prepare(sql).raw(true)
      this.#cache.set(key, stmt)
    }
    return stmt as unknown as Statement<P, R>
  }
}

/**
 * Bucket sizes for `IN (?, …)` lists. A list is cut into chunks no longer than the largest
 * bucket, and each chunk is padded (by repeating its last value, harmless inside IN) up to the
 * next bucket, so at most four statement shapes are ever prepared. 500 stays far under
 * SQLite's variable limit (999 before 3.32, 32766 since: sqlite.org/limits.html#max_variable_number).
 */
const IN_BUCKETS = [1, 8, 64, 500] as const
export const MAX_IN_CHUNK = IN_BUCKETS[IN_BUCKETS.length - 1] as number

export interface InChunk<T> {
  readonly placeholders: string
  readonly values: T[]
}

export function inChunks<T>(items: readonly T[]): InChunk<T>[] {
  const out: InChunk<T>[] = []
  for (let i = 0; i < items.length; i += MAX_IN_CHUNK) {
    const values = items.slice(i, i + MAX_IN_CHUNK)
    const size = IN_BUCKETS.find((b) => b >= values.length) ?? MAX_IN_CHUNK
    const last = values[values.length - 1] as T
    while (values.length < size) values.push(last)
    out.push({ placeholders: new Array(size).fill('?').join(', '), values })
  }
  return out
}

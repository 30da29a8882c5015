import { createHash } from 'node:crypto'
import { verifyToken } from '../../auth/tokens.js'
import type { TokenRecord, TokenTable } from '../../store/tokens.js'

/**
 * Verified API tokens, remembered for a moment. Every authenticated request verified its
 * token with a SQLite read and a JSON parse of the rights; under load that was a fixed
 * cost on every TAXII page and lookup. Entries are keyed by SHA-256 of the presented
 * token (the secret itself is not kept), dropped when the table's generation changes (an
 * insert or revoke through this process) and after TTL_MS, which bounds how long a token
 * revoked by another process (an offline `certmesh token revoke`) still works.
 */
export const TOKEN_CACHE_TTL_MS = 2_000
const MAX_ENTRIES = 1_000

interface Entry {
  readonly record: TokenRecord
  readonly until: number
}

class TokenCache {
  readonly #entries = new Map<string, Entry>()
  #generation: number

  constructor(private readonly table: TokenTable) {
    this.#generation = table.generation
  }

  verify(presented: string, now: number): TokenRecord | undefined {
    if (this.table.generation !== this.#generation) {
      this.#entries.clear()
      this.#generation = this.table.generation
    }
    const key = createHash('sha256').update(presented, 'utf8').digest('base64')
    const hit = this.#entries.get(key)
    if (hit !== undefined && hit.until > now) return hit.record
    const record = verifyToken(this.table, presented)
    if (record === undefined) {
      this.#entries.delete(key)
      return undefined
    }
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.clear()
    this.#entries.set(key, { record, until: now + TOKEN_CACHE_TTL_MS })
    return record
  }
}

const CACHES = new WeakMap<TokenTable, TokenCache>()

/** verifyToken (auth/tokens.ts) behind a short-lived cache shared by every route of one table; `now` is the node's clock (epoch ms). */
export function verifyTokenCached(table: TokenTable, presented: string, now: number): TokenRecord | undefined {
  let cache = CACHES.get(table)
  if (cache === undefined) {
    cache = new TokenCache(table)
    CACHES.set(table, cache)
  }
  return cache.verify(presented, now)
}

import type { Database } from 'better-sqlite3'

/** What a token may do. Collections are TAXII collection ids or aliases; 'all' means every one. */
export interface TokenRights {
  admin: boolean
  read: 'all' | string[]
  write: 'all' | string[]
}

export interface TokenRecord {
  keyId: string
  name: string
  hash: string
  rights: TokenRights
  createdAt: number
  lastUsed: number | null
  revokedAt: number | null
}

interface TokenRow {
  key_id: string
  name: string
  hash: string
  rights: string
  created_at: number
  last_used: number | null
  revoked_at: number | null
}

const toRecord = (r: TokenRow): TokenRecord => ({
  keyId: r.key_id,
  name: r.name,
  hash: r.hash,
  rights: JSON.parse(r.rights) as TokenRights,
  createdAt: r.created_at,
  lastUsed: r.last_used,
  revokedAt: r.revoked_at,
})

/** The SQL for API tokens; the auth layer (serve/http/auth) owns the crypto. */
export class TokenTable {
  readonly #byKeyId
  #generation = 0
  constructor(private readonly db: Database) {
    this.#byKeyId = db.prepare<[string], TokenRow>('SELECT * FROM api_token WHERE key_id = ? AND revoked_at IS NULL')
  }

  /** Runs on every authenticated request, so its statement is prepared once. */
  byKeyId(keyId: string): TokenRecord | undefined {
    const r = this.#byKeyId.get(keyId)
    return r && toRecord(r)
  }

  /**
   * Bumped by every insert and revoke through this table, so a cache of verified tokens
   * (serve/http/token-cache.ts) drops its entries the moment a token is revoked here.
   */
  get generation(): number {
    return this.#generation
  }

  list(includeRevoked = false): TokenRecord[] {
    const where = includeRevoked ? '' : 'WHERE revoked_at IS NULL'
    return this.db.prepare<[], TokenRow>(`SELECT * FROM api_token ${where} ORDER BY created_at, name`).all().map(toRecord)
  }

  /** Inserts a token; false when an active token already has that name. */
  insert(t: Omit<TokenRecord, 'lastUsed' | 'revokedAt'>): boolean {
    const res = this.db
      .prepare('INSERT OR IGNORE INTO api_token (key_id, name, hash, rights, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(t.keyId, t.name, t.hash, JSON.stringify(t.rights), t.createdAt)
    this.#generation++
    return res.changes === 1
  }

  /** Revokes the active token with that name; false when there is none. */
  revoke(name: string, at: number): boolean {
    this.#generation++
    return this.db.prepare('UPDATE api_token SET revoked_at = ? WHERE name = ? AND revoked_at IS NULL').run(at, name).changes === 1
  }

  touch(keyId: string, at: number): void {
    this.db.prepare('UPDATE api_token SET last_used = ? WHERE key_id = ?').run(at, keyId)
  }
}

import type { Database } from 'better-sqlite3'

/**
 * API tokens (DESIGN.md, HTTP: "random, ≥128 bits, stored hashed"). A token is
 * `cm_<key id>_<secret>`; the key id finds the row, the SHA-256 of the whole token is
 * compared in constant time. Revoked tokens stay for the audit trail.
 */
export function migration002ApiTokens(db: Database): void {
  db.exec(`
    CREATE TABLE api_token (
      key_id      TEXT    PRIMARY KEY,
      name        TEXT    NOT NULL,
      hash        TEXT    NOT NULL,
      rights      TEXT    NOT NULL,
      created_at  INTEGER NOT NULL,
      last_used   INTEGER,
      revoked_at  INTEGER
    );
    CREATE UNIQUE INDEX api_token_active_name ON api_token (name) WHERE revoked_at IS NULL;
  `)
}

import type { Database } from 'better-sqlite3'

/**
 * Trusted sync peers (DESIGN.md invariant 6: an allowlist of peer ids). The connection
 * gater admits exactly the rows of this table; `amber` marks the peers allowed TLP:AMBER
 * objects this node creates (invariant 4). Counters are diagnostics, flushed from memory
 * every few seconds, so a crash may lose the last increments but never any data.
 */
export function migration003Peers(db: Database): void {
  db.exec(`
    CREATE TABLE peer (
      peer_id        TEXT    PRIMARY KEY,
      public_key     TEXT    NOT NULL,
      multiaddrs     TEXT    NOT NULL,
      name           TEXT,
      amber          INTEGER NOT NULL DEFAULT 0 CHECK (amber IN (0, 1)),
      added_at       INTEGER NOT NULL,
      received       INTEGER NOT NULL DEFAULT 0,
      sent           INTEGER NOT NULL DEFAULT 0,
      rejected       TEXT    NOT NULL DEFAULT '{}',
      last_sync      INTEGER,
      last_error     TEXT,
      last_error_at  INTEGER
    );
  `)
}

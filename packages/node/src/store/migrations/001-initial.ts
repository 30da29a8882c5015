import type { Database } from 'better-sqlite3'

/**
 * Initial schema; packages/node/src/store/README.md explains every table. `seq` uses
 * AUTOINCREMENT so a sequence number is never reused even if the newest row is ever
 * deleted: peers hold cursors into this log (DESIGN.md, Sync).
 */
export function migration001Initial(db: Database): void {
  db.exec(`
    CREATE TABLE object_version (
      seq            INTEGER PRIMARY KEY AUTOINCREMENT,
      date_added     INTEGER NOT NULL,
      id             TEXT    NOT NULL,
      type           TEXT    NOT NULL,
      spec_version   TEXT    NOT NULL,
      created        TEXT    NOT NULL,
      modified       TEXT    NOT NULL,
      modified_key   TEXT    NOT NULL,
      created_by_ref TEXT,
      signer         TEXT,
      hash           TEXT    NOT NULL,
      json           TEXT    NOT NULL,
      revoked        INTEGER NOT NULL CHECK (revoked IN (0, 1)),
      tlp            TEXT,
      confidence     INTEGER,
      valid_from     INTEGER,
      valid_until    INTEGER,
      status         TEXT    NOT NULL CHECK (status IN ('valid', 'quarantined')),
      origin         TEXT    NOT NULL,
      flags          TEXT
    );
    CREATE UNIQUE INDEX object_version_identity ON object_version (id, modified_key, hash);
    CREATE UNIQUE INDEX object_version_date_added ON object_version (date_added);
    CREATE INDEX object_version_valid_until ON object_version (valid_until) WHERE valid_until IS NOT NULL;

    CREATE TABLE object_current (
      id            TEXT    PRIMARY KEY,
      seq           INTEGER UNIQUE REFERENCES object_version (seq),
      modified_key  TEXT,
      type          TEXT    NOT NULL,
      signer        TEXT,
      revoked_final INTEGER NOT NULL DEFAULT 0 CHECK (revoked_final IN (0, 1))
    ) WITHOUT ROWID;

    CREATE TABLE observable (
      seq      INTEGER NOT NULL REFERENCES object_version (seq),
      id       TEXT    NOT NULL,
      key      TEXT    NOT NULL,
      type     TEXT    NOT NULL,
      property TEXT    NOT NULL,
      value    TEXT    NOT NULL,
      PRIMARY KEY (seq, key, property)
    ) WITHOUT ROWID;
    CREATE INDEX observable_key ON observable (key, seq);

    CREATE TABLE ip_network (
      seq        INTEGER NOT NULL REFERENCES object_version (seq),
      key        TEXT    NOT NULL,
      ip_version INTEGER NOT NULL CHECK (ip_version IN (4, 6)),
      prefix     INTEGER NOT NULL,
      network    BLOB    NOT NULL,
      PRIMARY KEY (seq, key)
    ) WITHOUT ROWID;
    CREATE INDEX ip_network_lookup ON ip_network (ip_version, prefix, network);

    CREATE TABLE ip_prefix (
      ip_version INTEGER NOT NULL,
      prefix     INTEGER NOT NULL,
      PRIMARY KEY (ip_version, prefix)
    ) WITHOUT ROWID;

    CREATE TABLE equivocation (
      proof_id     INTEGER PRIMARY KEY AUTOINCREMENT,
      id           TEXT    NOT NULL,
      modified     TEXT    NOT NULL,
      modified_key TEXT    NOT NULL,
      signer       TEXT,
      hash_a       TEXT    NOT NULL,
      json_a       TEXT    NOT NULL,
      hash_b       TEXT    NOT NULL,
      json_b       TEXT    NOT NULL,
      origin       TEXT    NOT NULL,
      detected_at  INTEGER NOT NULL,
      CHECK (hash_a < hash_b),
      UNIQUE (id, modified_key, hash_a, hash_b)
    );

    CREATE TABLE origin_flag (
      origin   TEXT    NOT NULL,
      reason   TEXT    NOT NULL,
      count    INTEGER NOT NULL,
      first_at INTEGER NOT NULL,
      last_at  INTEGER NOT NULL,
      PRIMARY KEY (origin, reason)
    ) WITHOUT ROWID;

    CREATE TABLE peer_cursor (
      peer_id    TEXT    PRIMARY KEY,
      seq        INTEGER NOT NULL CHECK (seq >= 0),
      updated_at INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE meta (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) WITHOUT ROWID;
  `)
}

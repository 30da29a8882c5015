import type { Database } from 'better-sqlite3'
import { hash48, HASH48_SQL_FUNCTION } from '../hash48.js'

/**
 * Indexes that bulk writes can afford (packages/node/src/store/README.md, "Write cost").
 * Every index keyed by a random value (an object id, an observable key) gets one random
 * leaf page dirtied per insert, and at synchronous=FULL each dirtied page is written to
 * the WAL at commit: with four such indexes keyed by long strings, an import of 100,000
 * indicators spent most of its store time rewriting index pages. Afterwards:
 * - `object_current` is a rowid table: `oid` numbers objects in arrival order, and the
 *   only random index is `(id_hash)`, 8-byte integers;
 * - `object_version` finds its object by `(oid, modified_key, hash)`, which for a new
 *   object appends at the end of the index instead of inserting at a random place;
 * - `observable` and `ip_network` are rowid tables; lookups go through `(key_hash, seq)`
 *   and `(ip_version, prefix, network)`, per-version reads through `(seq, key, …)`.
 * Uniqueness of `object_current.id` is kept by the writer (one head per id, looked up
 * before every insert inside the write transaction), not by a unique text index.
 */
export function migration004CompactIndexes(db: Database): void {
  db.function(HASH48_SQL_FUNCTION, { deterministic: true }, (text: unknown) => hash48(String(text)))
  db.exec(`
    CREATE TABLE object_current_004 (
      oid           INTEGER PRIMARY KEY,
      id            TEXT    NOT NULL,
      id_hash       INTEGER NOT NULL,
      seq           INTEGER UNIQUE REFERENCES object_version (seq),
      modified_key  TEXT,
      type          TEXT    NOT NULL,
      signer        TEXT,
      revoked_final INTEGER NOT NULL DEFAULT 0 CHECK (revoked_final IN (0, 1))
    );
    INSERT INTO object_current_004 (id, id_hash, seq, modified_key, type, signer, revoked_final)
      SELECT id, ${HASH48_SQL_FUNCTION}(id), seq, modified_key, type, signer, revoked_final
      FROM object_current ORDER BY coalesce(seq, 9223372036854775807), id;
    DROP TABLE object_current;
    ALTER TABLE object_current_004 RENAME TO object_current;
    CREATE INDEX object_current_id_hash ON object_current (id_hash);

    ALTER TABLE object_version ADD COLUMN oid INTEGER;
    UPDATE object_version SET oid =
      (SELECT c.oid FROM object_current c WHERE c.id_hash = ${HASH48_SQL_FUNCTION}(object_version.id) AND c.id = object_version.id);
    DROP INDEX object_version_identity;
    CREATE UNIQUE INDEX object_version_identity ON object_version (oid, modified_key, hash);

    CREATE TABLE observable_004 (
      seq      INTEGER NOT NULL REFERENCES object_version (seq),
      key_hash INTEGER NOT NULL,
      key      TEXT    NOT NULL,
      type     TEXT    NOT NULL,
      property TEXT    NOT NULL,
      value    TEXT    NOT NULL
    );
    INSERT INTO observable_004 (seq, key_hash, key, type, property, value)
      SELECT seq, ${HASH48_SQL_FUNCTION}(key), key, type, property, value FROM observable ORDER BY seq, key, property;
    DROP TABLE observable;
    ALTER TABLE observable_004 RENAME TO observable;
    CREATE UNIQUE INDEX observable_version ON observable (seq, key, property);
    CREATE INDEX observable_key ON observable (key_hash, seq);

    CREATE TABLE ip_network_004 (
      seq        INTEGER NOT NULL REFERENCES object_version (seq),
      key        TEXT    NOT NULL,
      ip_version INTEGER NOT NULL CHECK (ip_version IN (4, 6)),
      prefix     INTEGER NOT NULL,
      network    BLOB    NOT NULL
    );
    INSERT INTO ip_network_004 (seq, key, ip_version, prefix, network)
      SELECT seq, key, ip_version, prefix, network FROM ip_network ORDER BY seq, key;
    DROP TABLE ip_network;
    ALTER TABLE ip_network_004 RENAME TO ip_network;
    CREATE UNIQUE INDEX ip_network_version ON ip_network (seq, key);
    CREATE INDEX ip_network_lookup ON ip_network (ip_version, prefix, network);
  `)
}

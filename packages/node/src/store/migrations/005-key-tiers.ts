import type { Database } from 'better-sqlite3'
import { KEY_TIERS, keyTierTables, keyTierView } from '../key-tiers.js'

/**
 * The three random-valued lookup keys move out of table indexes into two-tier key tables
 * (key-tiers.ts; store README, "Write cost"). Existing keys go straight to `_main`, read
 * in key order through the indexes they replace; then the indexes are dropped and the
 * views created (`observable_key` was the index's name). `object_current.id_hash` stays
 * as a column, without its index. `ip_network` held nothing its key tier does not (the
 * tier's rows carry the observable key), so the tier replaces the table.
 */
export function migration005KeyTiers(db: Database): void {
  const { object, observable, ipNetwork } = KEY_TIERS
  db.exec(`
    ${keyTierTables(object)}
    INSERT INTO object_key_main (id_hash, oid) SELECT id_hash, oid FROM object_current ORDER BY id_hash, oid;
    ${keyTierTables(observable)}
    INSERT OR IGNORE INTO observable_key_main (key_hash, seq) SELECT key_hash, seq FROM observable ORDER BY key_hash, seq;
    ${keyTierTables(ipNetwork)}
    INSERT INTO ip_network_key_main (ip_version, prefix, network, seq, key)
      SELECT ip_version, prefix, network, seq, key FROM ip_network ORDER BY ip_version, prefix, network, seq, key;

    DROP INDEX object_current_id_hash;
    DROP INDEX observable_key;
    DROP TABLE ip_network;
    ${keyTierView(object)}
    ${keyTierView(observable)}
    ${keyTierView(ipNetwork)}
  `)
}

import type { Database } from 'better-sqlite3'
import { StoreDurabilityError } from './errors.js'

/** `PRAGMA synchronous` reads back as a number; 2 = FULL (sqlite.org/pragma.html#pragma_synchronous). */
const SYNCHRONOUS_FULL = 2

export const DEFAULT_BUSY_TIMEOUT_MS = 5_000

/**
 * WAL pages before an automatic checkpoint (SQLite default 1000 = 4 MB). A checkpoint
 * fsyncs the main file; at the default a sync batch of 1,000 objects triggered one per
 * commit and put() ran ~1.6x slower. 10,000 pages (~40 MB of WAL) amortises it while
 * keeping the WAL, and crash recovery, bounded.
 */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000

/**
 * SQLite's page cache per connection, in KiB (the default is 2 MiB). Reads go through it,
 * not through a memory map: with `mmap_size` at 8 GiB every page a lookup or a write ever
 * touched stayed in the process's RSS, 2.1 GiB for lookups on a store of a million
 * indicators and 1.8 GiB during a million-object catch-up. With the map off and a 32 MiB
 * cache the same lookups were ~10% slower (p99 0.148 ms against 0.133 ms, bench/lookup)
 * and RSS stayed near 350 MB; the OS page cache still holds the file.
 */
export const PAGE_CACHE_KIB = 32 * 1024

/**
 * Page size of a new store file (SQLite's default is 4096). A bulk write dirties one page
 * per random index insert and writes every dirtied page to the WAL at commit; with 8 KiB
 * pages the indexes have half as many pages, a batch dirties a larger share of fewer
 * pages, and an import of 100,000 indicators stored ~15% faster. Object JSON (~1 KB) also
 * fits several rows to a page. Only a file with no pages yet takes it: the page size of
 * a WAL database is fixed once written (sqlite.org/pragma.html#pragma_page_size).
 */
export const NEW_FILE_PAGE_SIZE = 8192

export function setNewFilePageSize(db: Database): void {
  if (db.pragma('page_count', { simple: true }) === 0) db.pragma(`page_size = ${NEW_FILE_PAGE_SIZE}`)
}

/**
 * Connection settings for invariant 5 (DESIGN.md). `synchronous` is per connection and
 * better-sqlite3 reopens WAL files at NORMAL, where a power cut can drop the last
 * committed transactions; so it is set on every open and read back, and a connection
 * that does not report FULL is refused rather than used.
 */
export function applyPragmas(db: Database, opts: { readonly: boolean; memory: boolean; busyTimeoutMs: number }): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(opts.busyTimeoutMs))}`)
  db.pragma('foreign_keys = ON')
  if (!opts.readonly && !opts.memory) {
    const mode = db.pragma('journal_mode = WAL', { simple: true })
    if (mode !== 'wal') throw new StoreDurabilityError(`${db.name}: journal_mode is '${String(mode)}' after setting WAL`)
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`)
  }
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`)
  db.pragma('synchronous = FULL')
  checkDurability(db, opts.memory)
}

/** Throws unless the connection is at synchronous=FULL and (for a file) in WAL mode. */
export function checkDurability(db: Database, memory = false): void {
  const sync = db.pragma('synchronous', { simple: true })
  if (sync !== SYNCHRONOUS_FULL) {
    throw new StoreDurabilityError(
      `${db.name}: PRAGMA synchronous reads back ${String(sync)}, not FULL (${SYNCHRONOUS_FULL}); refusing to run ` +
        `with a setting that can lose acknowledged writes`,
    )
  }
  if (!memory) {
    const mode = db.pragma('journal_mode', { simple: true })
    if (mode !== 'wal') {
      throw new StoreDurabilityError(`${db.name}: journal_mode is '${String(mode)}', not 'wal'`)
    }
  }
  const fk = db.pragma('foreign_keys', { simple: true })
  if (fk !== 1) throw new StoreDurabilityError(`${db.name}: foreign_keys reads back ${String(fk)}, not ON`)
}

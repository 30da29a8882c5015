import Database from 'better-sqlite3'
import { createLogger, type Logger } from '../log.js'
import { StoreError, StoreSchemaOutdatedError, StoreSchemaTooNewError } from './errors.js'
import { MIGRATIONS } from './migrations/list.js'
import { runMigrations, schemaVersion } from './migrations/runner.js'
import { applyPragmas, DEFAULT_BUSY_TIMEOUT_MS, setNewFilePageSize } from './pragmas.js'
import { StoreReader } from './reader.js'
import { Store } from './writer.js'

export interface OpenOptions {
  readonly readonly?: boolean
  /** Epoch milliseconds; injected by tests to freeze or step the clock. */
  readonly now?: () => number
  readonly busyTimeoutMs?: number
  readonly logger?: Logger
}

/**
 * Opens the node's one SQLite file (DESIGN.md, Storage). Read-write: creates the file if
 * needed, sets WAL + synchronous=FULL and checks them, then migrates. Read-only: the file
 * must exist and already be at this code's schema version; the handle has no write methods.
 */
export function openStore(path: string, opts: OpenOptions & { readonly: true }): StoreReader
export function openStore(path: string, opts?: OpenOptions & { readonly?: false }): Store
export function openStore(path: string, opts: OpenOptions = {}): Store | StoreReader {
  const readonly = opts.readonly === true
  const memory = path === ':memory:' || path === ''
  let db: Database.Database
  try {
    db = new Database(path, { readonly, fileMustExist: readonly })
  } catch (err) {
    throw new StoreError(`cannot open database ${path}${readonly ? ' read-only' : ''}: ${(err as Error).message}`, { cause: err })
  }
  try {
    if (!readonly && !memory) setNewFilePageSize(db)
    applyPragmas(db, { readonly, memory, busyTimeoutMs: opts.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS })
    const log = opts.logger ?? createLogger('store')
    if (readonly) {
      const found = schemaVersion(db)
      if (found > MIGRATIONS.length) throw new StoreSchemaTooNewError(path, found, MIGRATIONS.length)
      if (found < MIGRATIONS.length) throw new StoreSchemaOutdatedError(path, found, MIGRATIONS.length)
      return new StoreReader(db, path)
    }
    const applied = runMigrations(db, MIGRATIONS, path)
    if (applied.length > 0) log.info('schema migrated', { path, to: MIGRATIONS.length, applied })
    return new Store(db, path, { now: opts.now ?? Date.now, logger: log })
  } catch (err) {
    db.close()
    throw err
  }
}

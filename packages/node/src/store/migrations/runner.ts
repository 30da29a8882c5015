import type { Database } from 'better-sqlite3'
import { StoreMigrationError, StoreSchemaTooNewError } from '../errors.js'
import type { Migration } from './list.js'

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the schema up to the newest migration in ONE transaction, so a crash or a failing
 * migration leaves the file at its previous version; refuses a file from a newer certmesh
 * rather than guess at a schema it does not know. Returns the versions applied.
 */
export function runMigrations(db: Database, migrations: readonly Migration[], path: string): number[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreMigrationError(`migration list is not 1..n: entry ${i} has version ${m.version}`)
  })
  const known = migrations.length
  const found = schemaVersion(db)
  if (found > known) throw new StoreSchemaTooNewError(path, found, known)
  const pending = migrations.slice(found)
  if (pending.length === 0) return []
  const apply = db.transaction(() => {
    for (const m of pending) {
      try {
        m.up(db)
      } catch (err) {
        throw new StoreMigrationError(
          `migration ${m.version} (${m.name}) failed on ${path}: ${(err as Error).message}; ` +
            `the database is unchanged at schema version ${found}`,
          { cause: err },
        )
      }
      // user_version lives in the file header and is written inside this transaction.
      db.pragma(`user_version = ${m.version}`)
    }
  })
  apply.immediate()
  return pending.map((m) => m.version)
}

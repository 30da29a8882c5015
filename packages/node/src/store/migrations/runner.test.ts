import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreMigrationError, StoreSchemaTooNewError } from '../errors.js'
import { removeTempDirs, tempDbPath } from '../test-support.js'
import type { Migration } from './list.js'
import { runMigrations, schemaVersion } from './runner.js'

afterEach(removeTempDirs)

const one: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE t1 (x INTEGER)') }
const two: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE t2 (x INTEGER)') }
const broken: Migration = {
  version: 2,
  name: 'broken',
  up: (db) => {
    db.exec('CREATE TABLE t2 (x INTEGER)')
    throw new Error('boom')
  },
}

function fresh(): Database.Database {
  const db = new Database(tempDbPath())
  db.pragma('journal_mode = WAL')
  return db
}

const tables = (db: Database.Database): string[] =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)

describe('runMigrations', () => {
  it('runs only the pending migrations and records user_version', () => {
    const db = fresh()
    expect(runMigrations(db, [one], 'x.db')).toEqual([1])
    expect(runMigrations(db, [one, two], 'x.db')).toEqual([2])
    expect(runMigrations(db, [one, two], 'x.db')).toEqual([])
    expect(schemaVersion(db)).toBe(2)
    expect(tables(db)).toEqual(['t1', 't2'])
    db.close()
  })

  it('runs all pending migrations in one transaction: a failure leaves nothing behind', () => {
    const db = fresh()
    expect(() => runMigrations(db, [one, broken], 'x.db')).toThrow(StoreMigrationError)
    expect(() => runMigrations(db, [one, broken], 'x.db')).toThrow(
      'migration 2 (broken) failed on x.db: boom; the database is unchanged at schema version 0',
    )
    expect(schemaVersion(db)).toBe(0)
    expect(tables(db)).toEqual([])
    db.close()
  })

  it('refuses a database newer than the list', () => {
    const db = fresh()
    db.pragma('user_version = 3')
    expect(() => runMigrations(db, [one, two], 'x.db')).toThrow(StoreSchemaTooNewError)
    expect(() => runMigrations(db, [one, two], 'x.db')).toThrow('database x.db has schema version 3, newer than the 2')
    db.close()
  })

  it('rejects a list with gaps', () => {
    const db = fresh()
    expect(() => runMigrations(db, [two], 'x.db')).toThrow(/not 1\.\.n/)
    db.close()
  })
})

import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { StoreDurabilityError, StoreError, StoreSchemaOutdatedError, StoreSchemaTooNewError } from './errors.js'
import { MIGRATIONS } from './migrations/list.js'
import { openStore } from './open.js'
import { checkDurability } from './pragmas.js'
import { removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'

afterEach(removeTempDirs)

describe('openStore durability settings', () => {
  it('reports WAL and synchronous=FULL on first open and again after reopening', () => {
    const path = tempDbPath()
    const first = openStore(path, { logger: silentLogger })
    expect(first.settings()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: true })
    first.put(version())
    first.close()
    const again = openStore(path, { logger: silentLogger })
    expect(again.settings()).toEqual({ journalMode: 'wal', synchronous: 2, foreignKeys: true })
    again.close()
    const reader = openStore(path, { readonly: true })
    expect(reader.settings().synchronous).toBe(2)
    reader.close()
  })

  it('a plain better-sqlite3 connection to the same WAL file is NOT at FULL, and the check refuses it', () => {
    const path = tempDbPath()
    openStore(path, { logger: silentLogger }).close()
    const raw = new Database(path)
    try {
      // The premise of invariant 5: without the pragma the connection runs at NORMAL (1).
      expect(raw.pragma('synchronous', { simple: true })).toBe(1)
      expect(() => checkDurability(raw)).toThrow(StoreDurabilityError)
      expect(() => checkDurability(raw)).toThrow(/synchronous reads back 1, not FULL/)
      raw.pragma('synchronous = FULL')
      expect(() => checkDurability(raw)).not.toThrow()
    } finally {
      raw.close()
    }
  })

  it('data written and closed is there after reopening', () => {
    const path = tempDbPath()
    const s = openStore(path, { logger: silentLogger })
    const v = version()
    expect(s.put(v).status).toBe('created')
    s.close()
    const r = openStore(path, { readonly: true })
    expect(r.get(v.id)?.json).toBe(v.json)
    r.close()
  })

  it('reads what a concurrent writer has committed (WAL: readers and the writer share the file)', () => {
    const path = tempDbPath()
    const w = openStore(path, { logger: silentLogger })
    const r = openStore(path, { readonly: true })
    const v = version()
    expect(r.get(v.id)).toBeUndefined()
    w.put(v)
    expect(r.get(v.id)?.hash).toBe(v.hash)
    r.close()
    w.close()
  })
})

describe('openStore schema versions', () => {
  it('migrates a new file to the newest schema version', () => {
    const path = tempDbPath()
    openStore(path, { logger: silentLogger }).close()
    const raw = new Database(path, { readonly: true })
    expect(raw.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length)
    raw.close()
  })

  it('refuses a database whose user_version is newer than the code knows, and leaves it untouched', () => {
    const path = tempDbPath()
    openStore(path, { logger: silentLogger }).close()
    const raw = new Database(path)
    raw.pragma('user_version = 99')
    raw.close()
    const attempt = () => openStore(path, { logger: silentLogger })
    expect(attempt).toThrow(StoreSchemaTooNewError)
    expect(attempt).toThrow(StoreError)
    expect(attempt).toThrow(`database ${path} has schema version 99, newer than the ${MIGRATIONS.length} this certmesh knows`)
    expect(() => openStore(path, { readonly: true })).toThrow(StoreSchemaTooNewError)
    const check = new Database(path, { readonly: true })
    expect(check.pragma('user_version', { simple: true })).toBe(99)
    check.close()
  })

  it('a read-only handle refuses a database that still needs migrating', () => {
    const path = tempDbPath()
    const raw = new Database(path)
    raw.pragma('journal_mode = WAL')
    raw.close()
    expect(() => openStore(path, { readonly: true })).toThrow(StoreSchemaOutdatedError)
  })

  it('a read-only handle on a missing file fails with a StoreError naming the path', () => {
    const path = tempDbPath('missing.db')
    expect(() => openStore(path, { readonly: true })).toThrow(new RegExp(`cannot open database ${path} read-only`))
  })
})

describe('read-only handle', () => {
  it('has no write methods and its connection cannot write', () => {
    const path = tempDbPath()
    openStore(path, { logger: silentLogger }).close()
    const r = openStore(path, { readonly: true })
    // @ts-expect-error: a StoreReader has no put()
    expect(r.put).toBeUndefined()
    // Even reaching past the type, SQLite refuses the write.
    const db = (r as unknown as { db: Database.Database }).db
    expect(() => db.prepare("INSERT INTO meta (key, value) VALUES ('x', 'y')").run()).toThrow(/readonly/)
    r.close()
  })

  it('reads what a concurrent writer has committed (WAL: readers and the writer share the file)', () => {
    const path = tempDbPath()
    const w = openStore(path, { logger: silentLogger })
    const r = openStore(path, { readonly: true })
    const v = version()
    expect(r.get(v.id)).toBeUndefined()
    w.put(v)
    expect(r.get(v.id)?.hash).toBe(v.hash)
    r.close()
    w.close()
  })
})

import { copyFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../open.js'
import { ipv4, removeTempDirs, silentLogger, tempDbPath, version } from '../test-support.js'
import { MIGRATIONS } from './list.js'
import { schemaVersion } from './runner.js'

afterEach(removeTempDirs)

const A = 'indicator--0a000000-0000-4000-8000-000000000001'
const B = 'indicator--0b000000-0000-4000-8000-000000000002'
const C = 'indicator--0c000000-0000-4000-8000-000000000003'
const Q = 'indicator--0d000000-0000-4000-8000-000000000004'

function migratedCopy(): string {
  const path = tempDbPath()
  copyFileSync(new URL('./fixtures/schema-3.db', import.meta.url), path)
  return path
}

describe('migration 004 on a store written at schema 3', () => {
  it('keeps every object, version, lookup, proof and cursor', () => {
    const store = openStore(migratedCopy(), { logger: silentLogger, now: () => Date.parse('2024-06-01T00:00:00Z') })
    expect(store.versions(A).map((v) => v.modified)).toEqual(['2024-01-01T00:00:00.000Z', '2024-02-01T00:00:00.000Z'])
    expect(store.get(A)?.modified).toBe('2024-02-01T00:00:00.000Z')
    expect(store.get(C)?.revoked).toBe(true)
    expect(store.get(Q)).toBeUndefined()
    expect(store.versions(Q).map((v) => v.status)).toEqual(['quarantined', 'quarantined'])
    expect(store.lookupObservable('domain-name:value=worse.example').map((m) => m.object.id)).toEqual([A])
    expect(store.lookupObservable('domain-name:value=q.example')).toEqual([])
    expect(store.lookupDomainKeys(['domain-name:value=evil.example', 'domain-name:value=gone.example']).map((m) => m.object.id)).toEqual([A, C])
    expect(store.lookupIp(4, ipv4('10.1.2.3')).map((m) => m.object.id)).toEqual([B])
    const a2 = store.versions(A)[1]
    expect(a2 && store.has(A, a2.modified, a2.hash)).toBe(true)
    expect(store.page({ limit: 10, ids: [A, B] }).items.map((v) => v.id).sort()).toEqual([A, B])
    expect(store.page({ limit: 10, ids: [A], versions: 'first' }).items.map((v) => v.modified)).toEqual(['2024-01-01T00:00:00.000Z'])
    expect(store.equivocations(Q)).toHaveLength(1)
    expect(store.getCursor('12D3KooWfixture')).toBe(42)
    expect(store.integrityCheck()).toEqual([])
    store.close()
  })

  it('goes on numbering objects after the migrated ones and applies the version rules to them', () => {
    const path = migratedCopy()
    const store = openStore(path, { logger: silentLogger, now: () => Date.parse('2024-06-01T00:00:00Z') })
    const fresh = version({ observables: [{ key: 'domain-name:value=new.example', type: 'domain-name', property: 'value', value: 'new.example' }] })
    expect(store.putBatch([fresh, version({ id: C, modified: '2024-04-01T00:00:00.000Z' }), version({ id: A, modified: '2024-05-01T00:00:00.000Z' })]).map((r) => r.status))
      .toEqual(['created', 'rejected', 'updated'])
    expect(store.get(fresh.id)?.id).toBe(fresh.id)
    expect(store.versions(A)).toHaveLength(3)
    store.close()
    const db = new Database(path, { readonly: true })
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    const heads = db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS ids FROM object_current').get() as { n: number; ids: number }
    expect(heads).toEqual({ n: 5, ids: 5 })
    expect(db.prepare('SELECT count(*) AS n FROM object_version WHERE oid IS NULL').get()).toEqual({ n: 0 })
    expect(db.pragma('foreign_key_check')).toEqual([])
    db.close()
  })
})

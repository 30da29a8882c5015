import { copyFileSync } from 'node:fs'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../open.js'
import { ipv4, removeTempDirs, silentLogger, tempDbPath } from '../test-support.js'

afterEach(removeTempDirs)

const A = 'indicator--0a000000-0000-4000-8000-000000000001'
const B = 'indicator--0b000000-0000-4000-8000-000000000002'

describe('migration 005 (key tiers) on a store written at schema 3', () => {
  it('moves every key to _main and drops the indexes and the table it replaces', () => {
    const path = tempDbPath()
    copyFileSync(new URL('./fixtures/schema-3.db', import.meta.url), path)
    const fixture = new Database(path, { readonly: true })
    const networks = fixture.prepare('SELECT seq, key, ip_version, prefix, network FROM ip_network ORDER BY seq, key').all()
    fixture.close()
    expect(networks.length).toBeGreaterThan(0)
    openStore(path, { logger: silentLogger }).close()
    const db = new Database(path, { readonly: true })
    const n = (sql: string): number => (db.prepare(sql).get() as { n: number }).n
    expect(n('SELECT count(*) AS n FROM object_key_main')).toBe(n('SELECT count(*) AS n FROM object_current'))
    expect(n('SELECT count(*) AS n FROM object_key_main k JOIN object_current c ON c.oid = k.oid AND c.id_hash = k.id_hash')).toBe(4)
    expect(n('SELECT count(*) AS n FROM observable_key_main')).toBe(n('SELECT count(DISTINCT key_hash || \':\' || seq) AS n FROM observable'))
    expect(db.prepare('SELECT seq, key, ip_version, prefix, network FROM ip_network_key_main ORDER BY seq, key').all()).toEqual(networks)
    for (const t of ['object_key_recent', 'observable_key_recent', 'ip_network_key_recent']) expect(n(`SELECT count(*) AS n FROM ${t}`)).toBe(0)
    const indexes = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index'").all().map((r) => (r as { name: string }).name)
    expect(indexes).not.toContain('object_current_id_hash')
    expect(indexes).not.toContain('observable_key')
    expect(n("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'ip_network'")).toBe(0)
    db.close()

    const store = openStore(path, { logger: silentLogger })
    expect(store.get(A)?.id).toBe(A)
    expect(store.lookupIp(4, ipv4('10.1.2.3')).map((m) => m.object.id)).toEqual([B])
    expect(store.integrityCheck()).toEqual([])
    store.close()
  })
})

import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { KEY_TIERS, KeyTiers, MIN_RECENT_ROWS, recentLimit } from './key-tiers.js'
import { openStore } from './open.js'
import type { StatementCache } from './statements.js'
import { cidrObservable, ipv4, newId, removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'
import type { Store } from './writer.js'
import type { PreparedObservable } from './types.js'

let store: Store
beforeEach(() => {
  store = openStore(tempDbPath(), { logger: silentLogger, now: () => Date.parse('2024-06-01T00:00:00Z') })
})
afterEach(() => {
  store.close()
  removeTempDirs()
})

const inside = (s: Store): { db: Database; sql: StatementCache } => s as unknown as { db: Database; sql: StatementCache }
const rows = (table: string): number => (inside(store).db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const domain = (name: string): PreparedObservable => ({
  key: `domain-name:value=${name}`,
  type: 'domain-name',
  property: 'value',
  value: name,
})

function moveAll(): void {
  const tiers = new KeyTiers(inside(store).sql)
  inside(store).db.transaction(() => Object.values(KEY_TIERS).forEach((t) => tiers.move(t)))()
}

/** Everything the store answers through the three keys, for one id, one domain and one address. */
function answers(id: string): unknown {
  return {
    get: store.get(id)?.modified,
    versions: store.versions(id).map((v) => v.modified),
    held: [...store.heldIds([id, newId()])],
    page: store.page({ limit: 10, ids: [id] }).items.map((v) => v.modified),
    domain: store.lookupObservable('domain-name:value=tiers.example').map((m) => m.object.id),
    domains: store.lookupDomainKeys(['domain-name:value=tiers.example']).map((m) => m.object.id),
    ip: store.lookupIp(4, ipv4('10.9.8.7')).map((m) => [m.object.id, m.prefix]),
    ipMany: store.lookupIpMany(4, [ipv4('10.9.8.7'), ipv4('10.9.9.9')]).map((ms) => ms.map((m) => m.prefix)),
    feed: store.feeds().observablesOf(id, 'domain-name', 'value').map((o) => o.value),
  }
}

describe('key tiers', () => {
  it('writes new keys to _recent, and a move to _main changes no answer', () => {
    const id = newId()
    const first = version({ id, observables: [domain('tiers.example'), cidrObservable('10.9.8.0/24')] })
    store.put(first)
    store.put(version({ id, modified: '2024-02-01T00:00:00.000Z', observables: [domain('tiers.example'), cidrObservable('10.9.8.7')] }))
    expect([rows('object_key_recent'), rows('observable_key_recent'), rows('ip_network_key_recent')]).toEqual([1, 4, 2])
    expect(rows('object_key_main') + rows('observable_key_main') + rows('ip_network_key_main')).toBe(0)
    const before = answers(id)
    expect(before).toMatchObject({ get: '2024-02-01T00:00:00.000Z', held: [id], domain: [id], ip: [[id, 32]], ipMany: [[32], []] })

    moveAll()
    expect([rows('object_key_main'), rows('observable_key_main'), rows('ip_network_key_main')]).toEqual([1, 4, 2])
    expect(rows('object_key_recent') + rows('observable_key_recent') + rows('ip_network_key_recent')).toBe(0)
    expect(answers(id)).toEqual(before)

    // A later version after the move: its keys go to _recent, both tiers answer together.
    store.put(version({ id, modified: '2024-03-01T00:00:00.000Z', observables: [domain('tiers.example')] }))
    expect(store.lookupObservable('domain-name:value=tiers.example')).toHaveLength(1)
    expect(store.lookupIp(4, ipv4('10.9.8.7'))).toEqual([])
    expect(store.putBatch([first])[0]?.status).toBe('unchanged')
    expect(store.integrityCheck()).toEqual([])
  })

  it('moves a tier inside the write that fills it, and keeps one head per id across the tiers', () => {
    const ids = Array.from({ length: MIN_RECENT_ROWS }, () => newId())
    for (let i = 0; i < ids.length; i += 10_000) store.putBatch(ids.slice(i, i + 10_000).map((id) => version({ id })))
    // 50,000 heads reach the floor: the last batch moved them all to _main.
    expect([rows('object_key_main'), rows('object_key_recent')]).toEqual([MIN_RECENT_ROWS, 0])
    const again = store.putBatch([version({ id: ids[0] as string }), version({ id: ids[1] as string, modified: '2024-05-01T00:00:00.000Z' })])
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'updated'])
    expect(rows('object_key_recent')).toBe(0)
    expect(store.count().objects).toBe(MIN_RECENT_ROWS)
    expect(store.heldIds(ids.slice(0, 3))).toEqual(new Set(ids.slice(0, 3)))
  })

  it('lets _recent grow with the square root of _main', () => {
    expect(recentLimit(0)).toBe(MIN_RECENT_ROWS)
    expect(recentLimit(1_000_000)).toBe(MIN_RECENT_ROWS)
    expect(recentLimit(10_000_000)).toBe(142_303)
  })

  it('looks every key up by seeks in both tiers, never by a scan', () => {
    const id = newId()
    store.put(version({ id, observables: [domain('tiers.example'), cidrObservable('10.9.8.0/24')] }))
    answers(id)
    const { db, sql } = inside(store)
    const texts = sql.texts().filter((t) => /\b(object_key|observable_key|ip_network_key)\b/.test(t) && /^\s*SELECT/i.test(t))
    expect(texts.length).toBeGreaterThanOrEqual(9)
    for (const text of texts) {
      const names = [...new Set([...text.matchAll(/@(\w+)/g)].map((m) => m[1] as string))]
      const stmt = db.prepare(`EXPLAIN QUERY PLAN ${text}`)
      const plan = (names.length > 0 ? stmt.all(Object.fromEntries(names.map((n) => [n, null]))) : stmt.all(...Array<null>((text.match(/\?/g) ?? []).length).fill(null)))
        .map((r) => (r as { detail: string }).detail)
      const scans = plan.filter((d) => /^SCAN (object_current|object_version|observable|ip_network|\w+_(main|recent))\b/.test(d))
      expect({ text, scans }).toEqual({ text, scans: [] })
      for (const tier of ['object_key', 'observable_key', 'ip_network_key']) {
        if (!new RegExp(`\\b${tier}\\b`).test(text)) continue
        expect(plan.join(' | ')).toMatch(new RegExp(`SEARCH ${tier}_main USING PRIMARY KEY.*SEARCH ${tier}_recent USING PRIMARY KEY`))
      }
    }
  })
})

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

/** `n` new objects without observables (object_key rows only), in batches of 10,000. */
function fill(n: number): string[] {
  const ids = Array.from({ length: n }, () => newId())
  for (let i = 0; i < ids.length; i += 10_000) store.putBatch(ids.slice(i, i + 10_000).map((id) => version({ id })))
  return ids
}

function moveAll(): void {
  const tiers = new KeyTiers(inside(store).sql)
  inside(store).db.transaction(() => Object.values(KEY_TIERS).forEach((t) => tiers.move(t)))()
}

/** The key columns every lookup seeks a tier by. */
const SEEKS: Record<string, string> = {
  object_key: '(id_hash=?)',
  observable_key: '(key_hash=?)',
  ip_network_key: '(ip_version=? AND prefix=? AND network=?)',
}

/** The plan of `text`, and its lines that scan a table (plans name a table by its alias, if it has one). */
function planScans(db: Database, text: string): { plan: string[]; scans: string[] } {
  const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all().map((r) => (r as { name: string }).name))
  // The tier tables are reached through their views, so the text never names them.
  const forbidden = new Set<string>(Object.values(KEY_TIERS).flatMap((t) => [`${t.name}_main`, `${t.name}_recent`]))
  for (const m of text.matchAll(/\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?/gi)) {
    if (!tables.has(m[1] as string)) continue
    forbidden.add(m[1] as string)
    if (m[2] !== undefined && !/^(WHERE|JOIN|ON|ORDER|GROUP|LIMIT|UNION)$/i.test(m[2])) forbidden.add(m[2])
  }
  const names = [...new Set([...text.matchAll(/@(\w+)/g)].map((m) => m[1] as string))]
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${text}`)
  const rows = names.length > 0 ? stmt.all(Object.fromEntries(names.map((n) => [n, null]))) : stmt.all(...Array<null>((text.match(/\?/g) ?? []).length).fill(null))
  const plan = rows.map((r) => (r as { detail: string }).detail)
  return { plan, scans: plan.filter((d) => forbidden.has(/^SCAN (\w+)/.exec(d)?.[1] ?? '')) }
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

  it('moves a tier after the write that fills it, and keeps one head per id across the tiers', () => {
    const ids = fill(MIN_RECENT_ROWS)
    // 50,000 heads reach the floor: after the last batch they all moved to _main.
    expect([rows('object_key_main'), rows('object_key_recent')]).toEqual([MIN_RECENT_ROWS, 0])
    const again = store.putBatch([version({ id: ids[0] as string }), version({ id: ids[1] as string, modified: '2024-05-01T00:00:00.000Z' })])
    expect(again.map((r) => r.status)).toEqual(['unchanged', 'updated'])
    expect(rows('object_key_recent')).toBe(0)
    expect(store.count().objects).toBe(MIN_RECENT_ROWS)
    expect(store.heldIds(ids.slice(0, 3))).toEqual(new Set(ids.slice(0, 3)))
  })

  it('counts what _recent already holds when the store is opened again', () => {
    const path = store.path
    fill(30_000)
    store.close()
    store = openStore(path, { logger: silentLogger })
    expect(rows('object_key_recent')).toBe(30_000)
    fill(20_000)
    expect([rows('object_key_main'), rows('object_key_recent')]).toEqual([MIN_RECENT_ROWS, 0])
  })

  it('keeps the write when a move fails, says so, and moves later', () => {
    const warnings: string[] = []
    const path = store.path
    store.close()
    store = openStore(path, { logger: { ...silentLogger, warn: (msg: string) => void warnings.push(msg) } })
    fill(MIN_RECENT_ROWS - 1)
    const { db } = inside(store)
    // Room for one more object, not for 50,000 keys in _main: the move hits "disk full".
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 8}`)
    const last = version()
    expect(store.put(last).status).toBe('created')
    expect(warnings).toEqual(['key tier move failed; lookups stay correct, writes slow down until it succeeds'])
    expect(store.get(last.id)?.id).toBe(last.id)
    expect(rows('object_key_recent')).toBe(MIN_RECENT_ROWS)
    // Not tried again at every write, only after MOVE_RETRY_ROWS more rows.
    expect(store.put(version()).status).toBe('created')
    expect(warnings).toHaveLength(1)
    db.pragma('max_page_count = 1073741823')
    fill(5_000)
    expect([rows('object_key_main'), rows('object_key_recent')]).toEqual([MIN_RECENT_ROWS + 5_001, 0])
    expect(store.integrityCheck()).toEqual([])
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
    store.put(version())
    const { db, sql } = inside(store)
    const texts = sql.texts().filter((t) => /\b(object_key|observable_key|ip_network_key)\b/.test(t) && /^\s*SELECT/i.test(t))
    expect(texts.length).toBeGreaterThanOrEqual(10)
    for (const text of texts) {
      const { plan, scans } = planScans(db, text)
      expect({ text, scans }).toEqual({ text, scans: [] })
      for (const [tier, seek] of Object.entries(SEEKS)) {
        if (!new RegExp(`\\b${tier}\\b`).test(text)) continue
        expect(plan.join(' | ')).toMatch(new RegExp(`SEARCH ${tier}_main USING PRIMARY KEY.*SEARCH ${tier}_recent USING PRIMARY KEY`))
        // Every seek into a tier uses the whole lookup key, not just its first column.
        for (const line of plan.filter((d) => d.startsWith(`SEARCH ${tier}_`))) expect(line).toContain(seek)
      }
    }
  })

  it('finds a scan when there is one (the check above can fail)', () => {
    const { db } = inside(store)
    expect(planScans(db, 'SELECT seq FROM observable_key WHERE seq = ?').scans).toEqual(['SCAN observable_key_main', 'SCAN observable_key_recent'])
    expect(planScans(db, 'SELECT c.oid FROM object_current c WHERE c.id = ?').scans).toEqual(['SCAN c'])
    expect(planScans(db, 'SELECT count(*) FROM observable_key_main').scans).toEqual(['SCAN observable_key_main'])
    expect(planScans(db, 'SELECT value FROM json_each(?)').scans).toEqual([])
  })
})

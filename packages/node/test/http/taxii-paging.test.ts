import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { version } from '../../src/store/test-support.js'
import { startTestNode, taxiiJson, type TestNode } from './harness.js'

/**
 * TAXII 2.1 §3.4 paging over many objects that share one timestamp: the node's clock is
 * frozen, so every object has the same created/modified and the store's date_added
 * advances by one microsecond per row (its strictly increasing rule). Neither `next` nor
 * added_after = X-TAXII-Date-Added-Last may skip or repeat anything.
 */
const FROZEN = Date.UTC(2026, 0, 1)
const COUNT = 10_000
const SAME = '2026-01-01T00:00:00.000Z'
const BUILTINS = 8

type Envelope = { more: boolean; next?: string; objects?: { id: string }[] }

function putMany(t: TestNode, n: number): string[] {
  const vs = Array.from({ length: n }, () => version({ created: SAME, modified: SAME }))
  t.node.store.putBatch(vs)
  return vs.map((v) => v.id)
}

describe('TAXII paging through 10,000 objects with equal timestamps', () => {
  let t: TestNode
  let ids: string[]
  beforeAll(async () => {
    t = await startTestNode({ now: () => FROZEN })
    ids = putMany(t, COUNT)
  })
  afterAll(async () => {
    await t.close()
  })

  it('has one timestamp and a distinct microsecond date_added per object', async () => {
    const m = await taxiiJson<{ objects: { date_added: string; version: string }[] }>(
      await t.taxii('/api/collections/all/manifest/?match[type]=indicator&limit=3'),
    )
    expect(m.objects.map((o) => o.version)).toEqual([SAME, SAME, SAME])
    const added = m.objects.map((o) => o.date_added)
    for (const d of added) expect(d).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    const micros = added.map((d) => Number(d.slice(20, 26)))
    expect([micros[1]! - micros[0]!, micros[2]! - micros[1]!]).toEqual([1, 1])
    expect(new Set(m.objects.map((o) => o.date_added)).size).toBe(3)
  })

  it('follows next in pages of 7 without loss or repetition', async () => {
    const seen: string[] = []
    let next: string | undefined
    let pages = 0
    for (;;) {
      const res = await t.taxii(`/api/collections/all/objects/?limit=7${next ? `&next=${encodeURIComponent(next)}` : ''}`)
      expect(res.status).toBe(200)
      const env = await taxiiJson<Envelope>(res)
      pages++
      expect(env.objects?.length ?? 0).toBeLessThanOrEqual(7)
      seen.push(...(env.objects ?? []).map((o) => o.id))
      if (!env.more) break
      expect(env.next).toBeTypeOf('string')
      next = env.next
    }
    expect(seen.length).toBe(COUNT + BUILTINS + 1)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.filter((id) => id.startsWith('indicator--'))).toEqual(ids)
    expect(pages).toBe(Math.ceil((COUNT + BUILTINS + 1) / 7))
  })

  it('resumes with added_after = X-TAXII-Date-Added-Last without loss or repetition, while objects keep arriving', async () => {
    const seen: string[] = []
    let after: string | undefined
    let added: string[] = []
    for (let page = 0; ; page++) {
      const res = await t.taxii(`/api/collections/all/objects/?limit=31&match[type]=indicator${after ? `&added_after=${after}` : ''}`)
      const env = await taxiiJson<Envelope>(res)
      const got = (env.objects ?? []).map((o) => o.id)
      seen.push(...got)
      if (got.length > 0) {
        expect(res.headers.get('x-taxii-date-added-first')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
        after = res.headers.get('x-taxii-date-added-last') ?? undefined
      }
      // New objects arrive in the middle of the walk; they sort after everything served.
      if (page === 150) added = putMany(t, 100)
      if (!env.more) break
    }
    expect(seen.length).toBe(COUNT + 100)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen).toEqual([...ids, ...added])
  })
})

describe('next is bound to the query and to the token', () => {
  let t: TestNode
  let first: Envelope
  beforeAll(async () => {
    t = await startTestNode({ now: () => FROZEN })
    putMany(t, 50)
    first = await taxiiJson<Envelope>(await t.taxii('/api/collections/all/objects/?match[type]=indicator&limit=10'))
  })
  afterAll(async () => {
    await t.close()
  })

  it('continues for the same token and query, even with another limit', async () => {
    const res = await t.taxii(`/api/collections/all/objects/?match[type]=indicator&limit=20&next=${encodeURIComponent(first.next!)}`)
    expect(res.status).toBe(200)
    expect((await taxiiJson<Envelope>(res)).objects).toHaveLength(20)
  })

  it('is refused (400) for another token with the same rights', async () => {
    const other = t.token('reader', { read: 'all' })
    const res = await t.taxii(`/api/collections/all/objects/?match[type]=indicator&limit=10&next=${encodeURIComponent(first.next!)}`, { token: other })
    expect(res.status).toBe(400)
    expect((await taxiiJson(res)).description).toMatch(/^next:/)
  })

  it('is refused for another query, another endpoint, another collection, or when altered', async () => {
    const n = encodeURIComponent(first.next!)
    for (const path of [
      `/api/collections/all/objects/?match[type]=indicator,malware&next=${n}`,
      `/api/collections/all/objects/?next=${n}`,
      `/api/collections/all/manifest/?match[type]=indicator&next=${n}`,
      `/api/collections/indicators/objects/?match[type]=indicator&next=${n}`,
      `/api/collections/all/objects/?match[type]=indicator&next=${n.slice(0, -2)}AA`,
      '/api/collections/all/objects/?match[type]=indicator&next=garbage',
    ]) {
      const res = await t.taxii(path)
      expect(res.status, path).toBe(400)
    }
  })
})

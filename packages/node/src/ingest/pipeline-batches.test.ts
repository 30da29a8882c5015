import { canonicalize, nobleEd25519, normaliseObservable, verifyObject } from '@certmesh/protocol'
import { afterAll, describe, expect, it } from 'vitest'
import { ORIGIN_IMPORT } from './constants.js'
import { IndicatorPipeline } from './pipeline.js'
import { ReportBuilder } from './report.js'
import { harness, removeTempDirs, testConfig, T0 } from './test-support.js'

afterAll(removeTempDirs)

const ip = (n: number) => normaliseObservable('ipv4-addr', 'value', `203.0.113.${n}`)
const attrs = { tlp: 'green' as const, confidence: 60 }

describe('IndicatorPipeline in batches (dedup per batch, signing overlapped with the next batch)', () => {
  it('gives every duplicate the id of the first, across queued, in-flight and stored batches', async () => {
    const h = await harness({ matcher: false })
    // Indicator .9 is already stored before the operation starts.
    const before = new ReportBuilder('txt')
    const p0 = new IndicatorPipeline({ store: h.store, signer: h.signer, config: testConfig() }, before, ORIGIN_IMPORT, T0)
    p0.add(ip(9), attrs)
    p0.flush()
    const storedId = before.get(0).id

    const report = new ReportBuilder('txt')
    const p = new IndicatorPipeline({ store: h.store, signer: h.signer, config: testConfig() }, report, ORIGIN_IMPORT, T0, 2)
    const order = [1, 2, 1, 3, 2, 9, 4, 1, 9, 3]
    const slots = order.map((n) => p.add(ip(n), attrs))
    p.flush()
    const items = slots.map((s) => report.get(s))
    const idOf = new Map<number, string>()
    order.forEach((n, i) => {
      const item = items[i]
      expect(item?.id, `item ${i}`).toMatch(/^indicator--/)
      if (!idOf.has(n)) idOf.set(n, item?.id as string)
      else expect(item?.id, `item ${i} (${n} again)`).toBe(idOf.get(n))
    })
    expect(idOf.get(9)).toBe(storedId)
    expect(items.map((i) => i?.status)).toEqual(['created', 'created', 'unchanged', 'created', 'unchanged', 'unchanged', 'created', 'unchanged', 'unchanged', 'unchanged'])
    // One stored indicator per value, each verifying and stored as its own canonical text.
    expect(h.store.count().objects).toBe(5)
    for (const n of [1, 2, 3, 4]) {
      const v = h.store.get(idOf.get(n) as string)
      expect(v).toBeDefined()
      const obj = JSON.parse(v?.json as string) as Record<string, unknown>
      expect(canonicalize(obj)).toBe(v?.json)
      expect(verifyObject(obj, nobleEd25519).ok).toBe(true)
      expect(obj.pattern).toBe(`[ipv4-addr:value = '203.0.113.${n}']`)
    }
    h.store.close()
  })

  it('signs a batch large enough for the worker threads, and a re-run changes nothing', async () => {
    const h = await harness({ matcher: false })
    const run = (): ReportBuilder => {
      const report = new ReportBuilder('txt')
      const p = new IndicatorPipeline({ store: h.store, signer: h.signer, config: testConfig() }, report, ORIGIN_IMPORT, T0, 150)
      for (let n = 0; n < 400; n++) p.add(normaliseObservable('domain-name', 'value', `c2-${n}.example`), attrs)
      p.flush()
      return report
    }
    expect(run().finish().summary).toMatchObject({ created: 400, unchanged: 0 })
    expect(run().finish().summary).toMatchObject({ created: 0, unchanged: 400 })
    const some = h.store.lookupObservable('domain-name:value=c2-399.example')
    expect(some).toHaveLength(1)
    expect(verifyObject(JSON.parse(some[0]?.object.json as string), nobleEd25519).ok).toBe(true)
    h.signer.close()
    h.store.close()
  })
})

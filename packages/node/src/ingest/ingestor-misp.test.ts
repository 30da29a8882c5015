import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { verifyObject } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { BadRequestError } from '../errors.js'
import { mispReportId } from './misp-report.js'
import { parseFile } from './parse/index.js'
import { harness, removeTempDirs, T0, type Harness } from './test-support.js'

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/ingest/misp')
const CLOUDMENSIS = 'cloudmensis__cloudmensis.misp.json'
const CLOUDMENSIS_EVENT = '7a1f92cb-dba7-425f-aacd-85b80ff5cb9a'

let h: Harness
afterEach(() => {
  h?.store.close()
  removeTempDirs()
})

describe('importText: MISP fixtures', () => {
  it('cloudmensis: 9 file-hash indicators and one signed report over them', async () => {
    h = await harness()
    const text = readFileSync(join(FIXTURES, CLOUDMENSIS), 'utf8')
    const r = h.ingestor.importText(CLOUDMENSIS, text)
    expect(r.format).toBe('misp')
    expect(r.summary).toMatchObject({ created: 10, rejected: 0, skipped: 13 })
    expect(r.skipped).toEqual({ 'to_ids=false': 11, text: 2 })
    const indicators = r.items.filter((i) => i.type === 'indicator')
    expect(indicators).toHaveLength(9)
    expect(indicators.every((i) => i.source?.ref !== undefined)).toBe(true)
    const report = r.items.find((i) => i.type === 'report')!
    expect(report).toMatchObject({ status: 'created', id: mispReportId(h.signer.identityId, CLOUDMENSIS_EVENT) })
    const obj = JSON.parse(h.store.get(report.id!)!.json)
    expect(obj).toMatchObject({ name: 'CloudMensis', published: '2022-07-19T09:30:00.000Z', report_types: ['threat-report'], labels: ['ESET'] })
    expect(new Set(obj.object_refs)).toEqual(new Set(indicators.map((i) => i.id)))
    expect(verifyObject(obj, nodeEd25519).ok).toBe(true)
    const ind = JSON.parse(h.store.get(indicators[0]!.id!)!.json)
    expect(ind).toMatchObject({ name: 'File MD5 01c0b7c5bf605ed267b2be3d024eb90f (mdworker3)', description: 'Downloader (execute)', valid_from: '2022-04-21T17:48:23.000Z' })
  })

  it('re-importing the event changes nothing and says so', async () => {
    h = await harness()
    const text = readFileSync(join(FIXTURES, CLOUDMENSIS), 'utf8')
    const first = h.ingestor.importText(CLOUDMENSIS, text)
    const count = h.store.count()
    h.clock.now = T0 + 60_000
    const again = h.ingestor.importText(CLOUDMENSIS, text)
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 10 })
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id))
    expect(h.store.count()).toEqual(count)
  })

  it('a changed event gives a new report version with modified later than the first', async () => {
    h = await harness()
    const text = readFileSync(join(FIXTURES, CLOUDMENSIS), 'utf8')
    h.ingestor.importText(CLOUDMENSIS, text)
    const event = JSON.parse(text)
    const objects = event.response[0].Event.Object as { Attribute: { to_ids: boolean; type: string }[] }[]
    const holder = objects.find((o) => o.Attribute.some((a) => a.to_ids && a.type === 'md5'))!
    holder.Attribute.splice(holder.Attribute.findIndex((a) => a.to_ids && a.type === 'md5'), 1)
    const r = h.ingestor.importText(CLOUDMENSIS, JSON.stringify(event))
    const report = r.items.find((i) => i.type === 'report')!
    expect(report.status).toBe('updated')
    const versions = h.store.versions(report.id!)
    expect(versions.map((v) => v.modified)).toEqual([new Date(T0).toISOString(), new Date(T0 + 1).toISOString()])
    expect(JSON.parse(versions[1]!.json).object_refs).toHaveLength(8)
  })

  it('crait: every attribute is to_ids=false, so no indicator and no report', async () => {
    h = await harness()
    const r = h.ingestor.importText('crait.json', readFileSync(join(FIXTURES, 'sshdoor__misp-events__crait.json'), 'utf8'))
    expect(r.items).toEqual([])
    expect(r.skipped).toMatchObject({ 'to_ids=false': 9, 'report without indicators': 1 })
    expect(h.store.count().objects).toBe(0)
  })

  it('malformed JSON is a BadRequestError with line and column, and stores nothing', async () => {
    h = await harness()
    const before = h.store.count()
    expect(() => h.ingestor.importText('bad.json', '{"Event": {"Attribute": [1,]}}')).toThrow(/line 1, column 28/)
    expect(h.store.count()).toEqual(before)
  })
})

const ESET = corpusAvailable ? readdirSync(corpusPath('misp')).filter((f) => f.endsWith('.json') && !f.startsWith('pypi_backdoor')) : []

describe.skipIf(!corpusAvailable)('importText: ESET MISP corpus', () => {
  it('every event: one indicator item per candidate, one report per event with indicators; re-import all unchanged', async () => {
    h = await harness()
    for (const name of ESET) {
      const text = readFileSync(corpusPath('misp', name), 'utf8')
      const parsed = parseFile(name, text)
      const candidates = parsed.candidates.filter((c) => c.kind === 'indicator').length
      const r = h.ingestor.importText(name, text)
      const indicators = r.items.filter((i) => i.type === 'indicator')
      expect(indicators.length, name).toBe(candidates)
      expect(r.summary.rejected, name).toBe(parsed.problems.filter((p) => p.severity === 'error').length + indicators.filter((i) => i.status === 'rejected').length)
      expect(r.items.filter((i) => i.type === 'report').length, name).toBe(candidates > 0 ? 1 : 0)
    }
    const count = h.store.count()
    h.clock.now = T0 + 3_600_000
    for (const name of ESET) {
      const r = h.ingestor.importText(name, readFileSync(corpusPath('misp', name), 'utf8'))
      expect(r.summary.created + r.summary.updated, name).toBe(0)
    }
    expect(h.store.count()).toEqual(count)
  })

  it('glupteba: 325 indicator items from 321 attributes (4 domain|ip split in two)', async () => {
    h = await harness()
    const r = h.ingestor.importText('glupteba.json', readFileSync(corpusPath('misp', 'glupteba__glupteba.misp-event.json'), 'utf8'))
    expect(r.items.filter((i) => i.type === 'indicator')).toHaveLength(325)
    expect(r.summary.rejected).toBe(0)
  })

  it('the malformed PyPI event: BadRequestError at line 37374, column 9; nothing stored', async () => {
    h = await harness()
    h.ingestor.importText(CLOUDMENSIS, readFileSync(join(FIXTURES, CLOUDMENSIS), 'utf8'))
    const before = h.store.count()
    const text = readFileSync(corpusPath('misp', 'pypi_backdoor__malicious_pypi_packages.misp-event.json'), 'utf8')
    let caught: unknown
    try {
      h.ingestor.importText('pypi.json', text)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(BadRequestError)
    expect((caught as Error).message).toMatch(/line 37374, column 9/)
    expect((caught as BadRequestError).details).toEqual([{ line: 37374, column: 9 }])
    expect(h.store.count()).toEqual(before)
  })
})

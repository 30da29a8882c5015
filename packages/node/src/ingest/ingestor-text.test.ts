import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { BadRequestError } from '../errors.js'
import { harness, removeTempDirs, type Harness } from './test-support.js'

const FIXTURES = join(import.meta.dirname, '../../test/fixtures/ingest')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')

let h: Harness
afterEach(() => {
  h?.store.close()
  removeTempDirs()
})

describe('importText: CSV', () => {
  it('stores the good rows and reports each bad one with its line', async () => {
    h = await harness()
    const r = h.ingestor.importText('indicators.csv', fixture('indicators.csv'))
    expect(r.format).toBe('csv')
    expect(r.summary).toMatchObject({ created: 4, rejected: 7, skipped: 1, flagged: 1 })
    expect(r.items.map((i) => i.source?.line)).toEqual([3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15])
    expect(r.items.map((i) => i.status)).toEqual(['created', 'created', 'created', ...Array(7).fill('rejected'), 'created'])
    expect(r.items[3]).toMatchObject({ reason: 'invalid-input', message: expect.stringContaining("confidence '101'") })
    expect(r.skipped).toEqual({ "CSV header: ignored unknown column 'source_url'": 1 })
    expect(h.store.count().objects).toBe(4)
    const first = JSON.parse(h.store.get(r.items[0]!.id!)!.json)
    expect(first).toMatchObject({ confidence: 80, labels: ['c2', 'botnet'], description: 'C2, seen twice', valid_until: '2030-01-31T00:00:00.000Z' })
    expect(first.object_marking_refs).toEqual(['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'])
    const second = JSON.parse(h.store.get(r.items[1]!.id!)!.json)
    expect(second.object_marking_refs).toEqual(['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'])
  })

  it('import options sit between the row and the config defaults', async () => {
    h = await harness()
    const csv = 'value,tlp,confidence\n203.0.113.20,,\n203.0.113.21,red,10\n'
    const r = h.ingestor.importText('x.csv', csv, { tlp: 'clear', confidence: 33 })
    const [a, b] = r.items.map((i) => JSON.parse(h.store.get(i.id!)!.json))
    expect(a).toMatchObject({ confidence: 33, object_marking_refs: ['marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'] })
    expect(b).toMatchObject({ confidence: 10, object_marking_refs: ['marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'] })
    expect(() => h.ingestor.importText('x.csv', csv, { confidence: 101 })).toThrow(/^confidence: must be a whole number/)
  })

  it('type column: STIX names, short names and MISP types; unknown types are rejected per row', async () => {
    h = await harness()
    const csv = [
      'value,type',
      '203.0.113.30,ip-dst',
      'evil-two.example|203.0.113.31,domain|ip',
      `invoice.exe|${'d'.repeat(64)},filename|sha256`,
      'HKLM\\Software\\Bad,windows-registry-key',
      '1.2.3.4,bitcoin',
      '203.0.113.300,ipv4',
    ].join('\n')
    const r = h.ingestor.importText('typed.csv', csv)
    expect(r.items.map((i) => [i.source?.line, i.status, i.value])).toEqual([
      [2, 'created', '203.0.113.30'],
      [3, 'created', 'evil-two.example'],
      [3, 'created', '203.0.113.31'],
      [4, 'created', 'd'.repeat(64)],
      [5, 'created', 'HKEY_LOCAL_MACHINE\\software\\bad'],
      [6, 'rejected', undefined],
      [7, 'rejected', undefined],
    ])
    expect(r.items[5]).toMatchObject({ reason: 'unsupported-type', message: expect.stringMatching(/^line 6, column 1: type 'bitcoin' is not a known observable type/) })
    expect(r.items[6]).toMatchObject({ reason: 'invalid-value', message: expect.stringMatching(/^line 7, column 1: '203\.0\.113\.300' is not a valid IPv4 address/) })
    expect(JSON.parse(h.store.get(r.items[3]!.id!)!.json).name).toBe(`File SHA-256 ${'d'.repeat(64)} (invoice.exe)`)
  })

  it('a CISA-style file with upper-case hashes dedups against the same hash added by hand', async () => {
    h = await harness()
    const hash = '3ea2a9d8a0b7d1fd5cbf8b8b5b1f4e0b2a6c1d9e8f7a6b5c4d3e2f1a0b9c8d7e'
    const byHand = h.ingestor.addIndicator({ type: 'sha256', value: hash })
    const r = h.ingestor.importText('aa23-325a.csv', `value,type\n${hash.toUpperCase()},SHA256\n${hash.toUpperCase()},file\n`)
    expect(r.summary).toMatchObject({ created: 0, unchanged: 2 })
    expect(r.items.map((i) => i.id)).toEqual([byHand.items[0]!.id, byHand.items[0]!.id])
    expect(h.store.count().objects).toBe(1)
  })
})

describe('importText: text lists', () => {
  it('stores each recognised line; re-import says unchanged and changes nothing', async () => {
    h = await harness()
    const r = h.ingestor.importText('list.txt', fixture('list.txt'))
    expect(r.format).toBe('txt')
    expect(r.summary).toMatchObject({ created: 5, rejected: 0 })
    expect(r.items.map((i) => i.source?.line)).toEqual([4, 5, 6, 7, 9])
    const versions = h.store.count().versions
    const again = h.ingestor.importText('list.txt', fixture('list.txt'))
    expect(again.summary).toMatchObject({ created: 0, unchanged: 5 })
    expect(again.items.map((i) => i.id)).toEqual(r.items.map((i) => i.id))
    expect(h.store.count().versions).toBe(versions)
  })

  it('duplicates inside one file give one indicator', async () => {
    h = await harness()
    const r = h.ingestor.importText('dups.txt', 'evil.example\nEVIL.example.\nhxxp://evil[.]example/\nhttp://evil.example:80/\n')
    expect(r.items.map((i) => i.status)).toEqual(['created', 'unchanged', 'created', 'unchanged'])
    expect(r.items[1]!.id).toBe(r.items[0]!.id)
    expect(h.store.count().objects).toBe(2)
  })

  it('a line that is no indicator is rejected with its line; progress reaches the total', async () => {
    h = await harness()
    const calls: [number, number][] = []
    const r = h.ingestor.importText('x.txt', '203.0.113.40\nnot an indicator\n', {}, (d, t) => calls.push([d, t]))
    expect(r.items[1]).toMatchObject({ status: 'rejected', reason: 'invalid-value', source: { line: 2, column: 1 } })
    expect(r.items[1]!.message).toMatch(/^line 2, column 1: 'not an indicator' is not a recognisable indicator/)
    expect(calls.at(-1)).toEqual([2, 2])
  })

  it('a binary file is a BadRequestError and stores nothing', async () => {
    h = await harness()
    const before = h.store.count()
    expect(() => h.ingestor.importText('binary.txt', readFileSync(join(FIXTURES, 'binary.bin'), 'latin1'))).toThrow(BadRequestError)
    expect(h.store.count()).toEqual(before)
  })

  it('progress is reported about every 1 % of a big list', async () => {
    h = await harness({ matcher: false })
    const lines = Array.from({ length: 2000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`).join('\n')
    const calls: number[] = []
    const r = h.ingestor.importText('big.txt', lines, {}, (d) => calls.push(d))
    expect(r.summary.created).toBe(2000)
    expect(calls.length).toBe(100)
    expect(calls[0]).toBe(20)
    expect(h.store.count().objects).toBe(2000)
  })
})

describe.skipIf(!corpusAvailable)('importText: corpus hash lists', () => {
  it('modiloader: 12 imported, 1 rejected with its line number', async () => {
    h = await harness()
    const r = h.ingestor.importText('modiloader__samples.sha1', readFileSync(corpusPath('misp', 'modiloader__samples.sha1'), 'utf8'))
    expect(r.summary).toMatchObject({ created: 12, rejected: 1 })
    expect(r.items[12]).toMatchObject({ status: 'rejected', source: { line: 13 } })
    expect(r.items[12]!.message).toContain('f0295f2e46cebffaf7892a5b33ba54122781c20bs')
  })

  it('emotet (CRLF) and backdoordiplomacy (trailing space) import cleanly', async () => {
    h = await harness()
    const emotet = h.ingestor.importText('emotet__samples.sha256', readFileSync(corpusPath('misp', 'emotet__samples.sha256'), 'utf8'))
    expect(emotet.summary).toMatchObject({ created: 9, rejected: 0 })
    const bd = h.ingestor.importText('backdoordiplomacy__samples.md5', readFileSync(corpusPath('misp', 'backdoordiplomacy__samples.md5'), 'utf8'))
    expect(bd.summary).toMatchObject({ created: 22, rejected: 0 })
  })
})

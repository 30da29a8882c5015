import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../../test/corpus.js'
import type { IndicatorCandidate, ParseResult, ReportCandidate } from './candidate.js'
import { FormatError } from './errors.js'
import { mispFromJson, parseMispEvent } from './misp.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8')

const indicators = (r: ParseResult): IndicatorCandidate[] =>
  r.candidates.filter((c): c is IndicatorCandidate => c.kind === 'indicator')
const reports = (r: ParseResult): ReportCandidate[] => r.candidates.filter((c): c is ReportCandidate => c.kind === 'report')

describe('parseMispEvent: hand-made event covering the type table', () => {
  const r = parseMispEvent(fixture('misp-types.misp.json'))
  const ind = indicators(r)

  it('maps every imported type to its STIX observable, in attribute order', () => {
    expect(ind.map((c) => [c.stixType, c.property, c.value])).toEqual([
      ['ipv4-addr', 'value', '198.51.100.7'],
      ['ipv6-addr', 'value', '2001:db8::1'],
      ['ipv4-addr', 'value', '203.0.113.9'],
      ['ipv6-addr', 'value', '2001:db8::2'],
      ['domain-name', 'value', 'evil.example'],
      ['domain-name', 'value', 'c2.evil.example'],
      ['domain-name', 'value', 'cdn.evil.example'],
      ['ipv4-addr', 'value', '192.0.2.44'],
      ['url', 'value', 'http://evil.example/a.php?x=1'],
      ['file', 'hashes.MD5', 'd41d8cd98f00b204e9800998ecf8427e'],
      ['file', 'hashes.SHA-256', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
      ['email-addr', 'value', 'phish@evil.example'],
      ['windows-registry-key', 'key', 'HKLM\\Software\\Evil'],
      ['windows-registry-key', 'key', 'HKCU\\Run\\evil'],
      ['file', 'hashes.SSDEEP', '3:AXGBicFlgVNhBGcL6wCrFQEv:AXGHsNhxLsr2C'],
      ['domain-name', 'value', 'red.example'],
      ['url', 'value', 'http://seen.example/'],
      ['file', 'hashes.SHA-1', 'da39a3ee5e6b4b0d3255bfef95601890afd80709'],
      ['file', 'hashes.SHA-512', expect.stringMatching(/^cf83e135/)],
    ])
  })

  it('counts what it leaves out, by reason, and never imports galaxy data', () => {
    expect(r.skipped).toEqual({ 'to_ids=false': 2, deleted: 1, btc: 1, imphash: 1, link: 1, text: 1 })
    expect(ind.some((c) => c.value.includes('evil2.example'))).toBe(false)
  })

  it('reports a composite value without its separator as an error naming the attribute', () => {
    expect(r.problems).toEqual([
      {
        ref: 'a0000000-0000-4000-8000-000000000015',
        message: "MISP attribute a0000000-0000-4000-8000-000000000015: domain|ip value has no '|' separator",
        severity: 'error',
      },
    ])
  })

  it('gives split attributes distinct external ids and keeps the uuid as source ref', () => {
    const split = ind.filter((c) => c.source.ref === 'a0000000-0000-4000-8000-000000000007')
    expect(split.map((c) => c.externalId)).toEqual([
      'a0000000-0000-4000-8000-000000000007#domain-name',
      'a0000000-0000-4000-8000-000000000007#ipv4-addr',
    ])
    expect(ind[0]?.externalId).toBe('a0000000-0000-4000-8000-000000000001')
  })

  it('takes TLP from the event, overridden by an attribute tag, and maps TLP:WHITE to clear', () => {
    expect(ind[0]?.tlp).toBe('amber')
    const red = ind.find((c) => c.value === 'red.example')
    expect(red?.tlp).toBe('red')
    expect(red?.labels).toEqual(['kill-chain:c2'])
    expect(ind.at(-1)?.tlp).toBe('clear')
  })

  it('keeps comments, file names (from filename|hash or the object) and seen times', () => {
    expect(ind[0]).toMatchObject({ description: 'C2', validFrom: '2024-05-01T00:00:00.000Z' })
    expect(ind[10]?.name).toBe('drop|per.exe')
    expect(ind[17]).toMatchObject({ name: 'invoice.pdf.exe', description: 'dropper' })
    expect(ind[16]).toMatchObject({ validFrom: '2024-04-01T08:00:00.000Z', validUntil: '2024-04-30T00:00:00.000Z' })
  })

  it('makes one report per event, listing its members by index', () => {
    const [first, second] = reports(r)
    expect(first).toEqual({
      kind: 'report',
      name: 'certmesh fixture: every mapped MISP type',
      published: '2024-05-01T00:00:00.000Z',
      tlp: 'amber',
      labels: ['certmesh:fixture'],
      externalId: '0b1f0c4e-1111-4e2a-9c3b-000000000001',
      memberRefs: Array.from({ length: 18 }, (_, k) => k),
    })
    expect(second).toMatchObject({ published: '2024-05-02T00:00:00.000Z', tlp: 'clear', memberRefs: [19] })
    expect(r.candidates[19]).toMatchObject({ kind: 'indicator', property: 'hashes.SHA-512' })
  })
})

describe('parseMispEvent: shapes', () => {
  it('accepts a bare {"Event":…} (ESET sshdoor crait, all to_ids false)', () => {
    const r = parseMispEvent(fixture('misp/sshdoor__misp-events__crait.json'))
    expect(indicators(r)).toHaveLength(0)
    expect(r.skipped).toEqual({ 'to_ids=false': 9 })
    expect(reports(r)).toEqual([
      { kind: 'report', name: 'SSHDoor : Crait', published: '2018-10-10T00:00:00.000Z', labels: ['SSHDoor'], externalId: expect.any(String), memberRefs: [] },
    ])
  })

  it('reads attributes that live only inside objects (ESET cloudmensis)', () => {
    const r = parseMispEvent(fixture('misp/cloudmensis__cloudmensis.misp.json'))
    const ind = indicators(r)
    expect(ind).toHaveLength(9)
    expect(ind.map((c) => c.property).sort()).toEqual([
      ...Array(3).fill('hashes.MD5'),
      ...Array(3).fill('hashes.SHA-1'),
      ...Array(3).fill('hashes.SHA-256'),
    ])
    expect(r.skipped).toEqual({ 'to_ids=false': 11, text: 2 })
    expect(ind.every((c) => c.name !== undefined && /^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(c.validFrom ?? ''))).toBe(true)
  })

  it.each([
    ['an array', '[{"Event":{}}]'],
    ['a non-MISP object', '{"list":["evil.example"]}'],
    ['a response item without Event', '{"response":[{"Event":{}},{"Other":{}}]}'],
    ['an Event that is not an object', '{"Event":[]}'],
  ])('rejects %s with a FormatError', (_what, text) => {
    expect(() => parseMispEvent(text)).toThrow(FormatError)
    expect(() => parseMispEvent(text)).toThrow(/not a MISP event/)
  })

  it('reports malformed attributes without losing the others', () => {
    const r = mispFromJson({ Event: { uuid: 'e', info: 'x', Attribute: [42, { uuid: 'u1', to_ids: true, type: 'domain' }, { to_ids: true, type: 'domain', value: 'ok.example' }] } })
    expect(indicators(r).map((c) => c.value)).toEqual(['ok.example'])
    expect(r.problems.map((p) => p.ref)).toEqual(['e Attribute[0]', 'u1'])
  })
})

// Expected indicator counts follow the corpus README's table: the to_ids attributes,
// minus to_ids types we skip (text), plus one extra per domain|ip (split in two).
const CORPUS: [file: string, indicators: number, skipped: Record<string, number>][] = [
  ['cloudmensis__cloudmensis.misp.json', 9, { 'to_ids=false': 11, text: 2 }],
  ['gelsemium__misp.event_2021-06-09_gelsemium-when-threat-actors-go-gardening.json', 153, { 'to_ids=false': 1 }],
  ['glupteba__glupteba.misp-event.json', 321 + 4, {}],
  ['kryptocibule__misp-kryptocibule.json', 0, { 'to_ids=false': 191 }],
  ['moustachedbouncer__misp-moustachedbouncer.event.json', 111 - 16, { 'to_ids=false': 229, text: 16 }],
  ['oceanlotus__oceanlotus-wateringhole-2018.misp.event.json', 0, { 'to_ids=false': 75 }],
  ['oceanlotus__oceanlotus.misp.event.json', 0, { 'to_ids=false': 111 }],
  ['sednit__2017-05-09_Trump_Attack_on_Syria_IoCs.json', 0, { 'to_ids=false': 23 }],
  ['sednit__2018-11-20_Zebrocy.json', 0, { 'to_ids=false': 32 }],
  ['sshdoor__misp-events__coruscant.json', 0, { 'to_ids=false': 4 }],
  ['sshdoor__misp-events__crait.json', 0, { 'to_ids=false': 9 }],
  ['stantinko__stantinko.misp-event.json', 230 + 77, { 'to_ids=false': 33 }],
  ['telebots__misp-telebots.json', 69, { 'to_ids=false': 26 }],
  ['turla__misp-turla-wateringhole-armenia-event.json', 0, { 'to_ids=false': 19 }],
  ['windigo__ebury.misp.json', 198 - 19, { 'to_ids=false': 222, text: 19 }],
]

describe.skipIf(!corpusAvailable)('parseMispEvent: ESET corpus', () => {
  it.each(CORPUS)('%s → %i indicators', (file, count, skipped) => {
    const r = parseMispEvent(readFileSync(corpusPath('misp', file), 'utf8'))
    const ind = indicators(r)
    expect(ind).toHaveLength(count)
    expect(r.skipped).toEqual(skipped)
    expect(r.problems).toEqual([])
    const [report] = reports(r)
    expect(reports(r)).toHaveLength(1)
    expect(report?.memberRefs).toHaveLength(count)
    expect(ind.every((c) => c.externalId !== undefined && c.value !== '' && c.value === c.value.trim())).toBe(true)
  })

  it('splits the 4 glupteba domain|ip attributes and maps its registry key', () => {
    const r = parseMispEvent(readFileSync(corpusPath('misp', 'glupteba__glupteba.misp-event.json'), 'utf8'))
    const ind = indicators(r)
    expect(ind.filter((c) => c.externalId?.endsWith('#domain-name'))).toHaveLength(4)
    expect(ind.filter((c) => c.stixType === 'ipv4-addr')).toHaveLength(44)
    expect(ind.filter((c) => c.stixType === 'windows-registry-key')).toEqual([
      expect.objectContaining({ property: 'key', value: 'HKCU\\Software\\EpicNet Inc.\\CloudNet\\' }),
    ])
    expect(ind.filter((c) => c.property === 'hashes.SHA-1' && c.name !== undefined)).toHaveLength(6)
  })

  it('takes tlp:white on the telebots event as TLP clear for the event and its indicators', () => {
    const r = parseMispEvent(readFileSync(corpusPath('misp', 'telebots__misp-telebots.json'), 'utf8'))
    expect(new Set(r.candidates.map((c) => c.tlp))).toEqual(new Set(['clear']))
  })

  it('reads the CRLF moustachedbouncer event (its url objects included)', () => {
    const text = readFileSync(corpusPath('misp', 'moustachedbouncer__misp-moustachedbouncer.event.json'), 'utf8')
    expect(text.includes('\r\n')).toBe(true)
    const ind = indicators(parseMispEvent(text))
    expect(ind.filter((c) => c.stixType === 'url')).toHaveLength(11)
  })

  it('rejects the malformed PyPI event at line 37374, column 9 and imports nothing', () => {
    const text = readFileSync(corpusPath('misp', 'pypi_backdoor__malicious_pypi_packages.misp-event.json'), 'utf8')
    let result: ParseResult | undefined
    let error: unknown
    try {
      result = parseMispEvent(text)
    } catch (e) {
      error = e
    }
    expect(result).toBeUndefined()
    expect(error).toBeInstanceOf(FormatError)
    expect(error).toMatchObject({ name: 'FormatError', line: 37374, column: 9 })
    expect((error as Error).message).toContain('line 37374, column 9')
  })
})

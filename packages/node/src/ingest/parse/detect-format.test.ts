import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../../test/corpus.js'
import { detectFormat, parseFile } from './detect-format.js'
import { isIndicator } from './candidate.js'
import { FormatError } from './errors.js'

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8')

const BUNDLE = '{"type":"bundle","id":"bundle--6b3a5f8e-4c1d-4e3b-9f0a-1d2c3b4a5f6e","objects":[]}'
const INDICATOR = '{"type":"indicator","id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","spec_version":"2.1"}'

describe('detectFormat', () => {
  it.each([
    ['bundle.json', BUNDLE, 'stix'],
    ['x.json', `\ufeff  ${INDICATOR}`, 'stix'],
    ['objects.json', `[${INDICATOR},${INDICATOR}]`, 'stix'],
    ['upload', BUNDLE, 'stix'],
    ['event.json', '{"Event":{"info":"x"}}', 'misp'],
    ['export', '{"response":[]}', 'misp'],
    ['iocs.csv', 'value,type\n1.2.3.4,ipv4-addr\n', 'csv'],
    ['iocs.dat', '# feed\n\n"Value";"TLP"\nevil.example;amber\n', 'csv'],
    ['hashes.sha256', 'value\n', 'csv'],
    ['hashes.md5', 'd41d8cd98f00b204e9800998ecf8427e\n', 'txt'],
    ['list.txt', '[2001:db8::1]\n', 'txt'],
    ['list', 'evil.example\n1.2.3.4\n', 'txt'],
    ['empty.txt', '', 'txt'],
  ] as const)('%s → %s', (name, text, format) => {
    expect(detectFormat(name, text)).toBe(format)
  })

  it('rejects JSON that is neither STIX nor MISP, and a .json file that is not JSON', () => {
    expect(() => detectFormat('blocklist.json', '{"blocklist":["a.example"]}')).toThrow(/neither STIX .* nor MISP/)
    expect(() => detectFormat('x.json', '[]')).toThrow(FormatError)
    expect(() => detectFormat('x.json', 'evil.example\n')).toThrow(
      expect.objectContaining({ name: 'FormatError', line: 1, column: 1, message: "x.json: invalid JSON at line 1, column 1: expected a value, found 'e'" }),
    )
  })
})

describe('parseFile', () => {
  it('runs the parser detectFormat picks', () => {
    expect(parseFile('list.txt', fixture('list.txt')).format).toBe('txt')
    expect(parseFile('indicators.csv', fixture('indicators.csv')).candidates).toHaveLength(4)
    const misp = parseFile('event.json', fixture('misp-types.misp.json'))
    expect(misp.format).toBe('misp')
    expect(misp.candidates.filter((c) => c.kind === 'report')).toHaveLength(2)
  })

  it('hands STIX back parsed, without candidates', () => {
    expect(parseFile('bundle.json', BUNDLE)).toEqual({ format: 'stix', candidates: [], problems: [], skipped: {}, stix: JSON.parse(BUNDLE) })
  })

  it('obeys an explicit format', () => {
    const asText = parseFile('indicators.csv', 'value\na.example\n', 'txt')
    expect(asText.candidates.filter(isIndicator).map((c) => c.value)).toEqual(['value', 'a.example'])
    expect(() => parseFile('x.txt', 'a.example\n', 'misp')).toThrow(FormatError)
    expect(parseFile('x', BUNDLE, 'stix').stix).toEqual(JSON.parse(BUNDLE))
  })
})

describe.skipIf(!corpusAvailable)('detectFormat on the corpus', () => {
  it('reads the ESET events as MISP, their lists as text, and reports the malformed event with its position', () => {
    const read = (f: string) => readFileSync(corpusPath('misp', f), 'utf8')
    expect(detectFormat('crait.json', read('sshdoor__misp-events__crait.json'))).toBe('misp')
    expect(detectFormat('samples.sha1', read('modiloader__samples.sha1'))).toBe('txt')
    expect(() => parseFile('pypi.json', read('pypi_backdoor__malicious_pypi_packages.misp-event.json'))).toThrow(
      expect.objectContaining({ line: 37374, column: 9 }),
    )
  })
})

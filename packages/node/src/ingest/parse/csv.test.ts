import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { isIndicator } from './candidate.js'
import { FormatError, InputTooLargeError } from './errors.js'
import { parseCsv } from './csv.js'

const fixture = readFileSync(new URL('../../../test/fixtures/ingest/indicators.csv', import.meta.url), 'utf8')

function formatError(text: string): FormatError {
  try {
    parseCsv(text)
  } catch (e) {
    if (e instanceof FormatError) return e
    throw e
  }
  throw new Error('expected a FormatError')
}

describe('parseCsv', () => {
  const r = parseCsv(fixture)

  it('turns the good rows into candidates with their line numbers', () => {
    expect(r.format).toBe('csv')
    expect(r.candidates).toEqual([
      {
        kind: 'indicator',
        stixType: '',
        property: '',
        value: '198.51.100.7',
        typeHint: 'ipv4-addr',
        tlp: 'amber',
        confidence: 80,
        validUntil: '2030-01-31T00:00:00.000Z',
        labels: ['c2', 'botnet'],
        description: 'C2, seen twice',
        source: { line: 3, column: 1 },
      },
      { kind: 'indicator', stixType: '', property: '', value: 'evil.example', typeHint: '', tlp: 'green', description: 'said "hi"', source: { line: 4, column: 1 } },
      {
        kind: 'indicator',
        stixType: '',
        property: '',
        value: 'http://evil.example/a,b',
        typeHint: 'url',
        validUntil: '2030-01-31T11:00:00.000Z',
        labels: ['phishing', 'kit'],
        description: 'two\nlines',
        source: { line: 5, column: 1 },
      },
      { kind: 'indicator', stixType: '', property: '', value: 'last.example', typeHint: 'domain', confidence: 0, source: { line: 15, column: 1 } },
    ])
  })

  it('reports each bad row with its line (and column where one field is at fault)', () => {
    expect(r.problems.map((p) => [p.severity, p.line, p.column, p.message])).toEqual([
      ['skipped', 2, 58, "CSV header: ignored unknown column 'source_url'"],
      ['error', 8, 51, "CSV line 8: confidence '101' is not an integer from 0 to 100"],
      ['error', 9, 14, "CSV line 9: unknown TLP 'purple' (expected clear, green, amber, amber+strict or red)"],
      ['error', 10, 17, expect.stringContaining("CSV line 10: valid_until '2030-02-30' is not a date")],
      ['error', 11, undefined, 'CSV line 11: row has 3 fields, the header has 8'],
      ['error', 12, 2, expect.stringContaining('CSV line 12: a double quote inside an unquoted field')],
      ['error', 13, 12, "CSV line 13: unexpected 'x' after a closing quote"],
      ['error', 14, 1, 'CSV line 14: empty value'],
    ])
    expect(r.skipped).toEqual({})
  })

  it('accepts a BOM, CRLF, a lone value column and semicolon or tab delimiters', () => {
    expect(parseCsv('\ufeffvalue\r\na.example\r\nb.example\r\n').candidates.filter(isIndicator).map((c) => c.value)).toEqual(['a.example', 'b.example'])
    expect(parseCsv('value;labels\n1.2.3.4;"x;y"\n').candidates).toMatchObject([{ value: '1.2.3.4', labels: ['x', 'y'] }])
    expect(parseCsv('type\tvalue\nurl\thttp://a.example/\n').candidates).toMatchObject([{ value: 'http://a.example/', typeHint: 'url' }])
  })

  it('rejects a file without a value column, naming what it found', () => {
    const e = formatError('indicator,kind\n1.2.3.4,ip\n')
    expect(e).toMatchObject({ line: 1, column: 1 })
    expect(e.message).toBe(
      "CSV header, line 1: no 'value' column (found: indicator, kind); known columns: value, type, tlp, confidence, valid_from, valid_until, labels, description, name",
    )
  })

  it('rejects empty files, duplicate columns and binary content', () => {
    expect(formatError('# only a comment\n\n').message).toMatch(/no header row/)
    expect(formatError('value,Value\nx,y\n').message).toBe("CSV header, line 1: column 'value' appears twice")
    expect(formatError('value\nabc\u0000def\n')).toMatchObject({ line: 2, column: 4 })
  })

  it('enforces the size limit', () => {
    // Refused before any parsing, so nothing of it is imported.
    const big = 'value\n' + 'x'.repeat(64 * 1024 * 1024)
    expect(() => parseCsv(big)).toThrow(InputTooLargeError)
  })

  it('rejects an over-long row but keeps the others', () => {
    const r2 = parseCsv(`value\n${'a'.repeat(70_000)}\nok.example\n`)
    expect(r2.candidates.filter(isIndicator).map((c) => c.value)).toEqual(['ok.example'])
    expect(r2.problems).toEqual([{ line: 2, message: 'CSV line 2: row is 70000 characters, over the limit of 65536', severity: 'error' }])
  })
})

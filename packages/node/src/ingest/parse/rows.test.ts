import { describe, expect, it } from 'vitest'
import { csvRows } from './csv.js'
import { FormatError } from './errors.js'
import { collectRows, isProblem, lineCount } from './rows.js'
import { textListRows } from './text.js'

describe('row streams', () => {
  it('lineCount: LF, CR and CRLF end a line; a final line break starts none', () => {
    expect(lineCount('')).toBe(1)
    expect(lineCount('a')).toBe(1)
    expect(lineCount('a\n')).toBe(1)
    expect(lineCount('a\nb')).toBe(2)
    expect(lineCount('a\r\nb\rc\n\n')).toBe(4)
  })

  it('a text list is read lazily, in line order', () => {
    const stream = textListRows('# head\n203.0.113.1\n\n' + 'x'.repeat(70_000) + '\nevil.example  # c2\n')
    expect(stream).toMatchObject({ format: 'txt', header: [], lines: 5 })
    const rows = [...stream.rows]
    expect(rows.map((r) => (isProblem(r) ? ['problem', r.line] : [r.value, r.source.line]))).toEqual([
      ['203.0.113.1', 2],
      ['problem', 4],
      ['evil.example', 5],
    ])
  })

  it('a CSV whose last row opens a quote it never closes fails before any row is read', () => {
    const csv = `value,description\n${Array.from({ length: 500 }, (_, i) => `203.0.113.${i % 250},"row ${i}"`).join('\n')}\n198.51.100.1,"open`
    expect(() => csvRows(csv)).toThrow(FormatError)
  })

  it('collectRows gives what the parsers always gave: header problems, then row problems', () => {
    const r = collectRows(csvRows('value,colour\n203.0.113.1,red\n,blue\n'))
    expect(r.candidates.map((c) => c.kind === 'indicator' && c.value)).toEqual(['203.0.113.1'])
    expect(r.problems.map((p) => [p.line, p.severity])).toEqual([
      [1, 'skipped'],
      [3, 'error'],
    ])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { astEqual } from './equal.js'
import { PatternSyntaxError } from './errors.js'
import { parsePattern } from './parser.js'
import { printPattern } from './print.js'

// OASIS cti-pattern-validator v2.1.2 test patterns (BSD-3-Clause, see LICENSE beside them).
const vectorDir = new URL('../../vectors/patterns/', import.meta.url)
const lines = (name: string): string[] =>
  readFileSync(new URL(name, vectorDir), 'utf8')
    .split('\n')
    .filter((l) => l !== '')

const valid = lines('valid.txt')
const invalid = lines('invalid.txt')
const expectedErrors = lines('invalid-expected.tsv')
  .slice(1)
  .map((l) => {
    const [pattern = '', column = '', code = '', reason = ''] = l.split('\t')
    return { pattern, column: Number(column), code, reason }
  })

describe('OASIS valid patterns', () => {
  it('has all 77 lines', () => {
    expect(valid).toHaveLength(77)
  })

  it.each(valid)('parses and round-trips: %s', (line) => {
    const parsed = parsePattern(line)
    const printed = printPattern(parsed)
    const reparsed = parsePattern(printed)
    expect(astEqual(reparsed, parsed)).toBe(true)
    expect(printPattern(reparsed)).toBe(printed)
  })
})

describe('OASIS invalid patterns', () => {
  it('has all 27 lines', () => {
    expect(invalid).toHaveLength(27)
  })

  it.each(invalid)('is rejected with a position inside the pattern: %s', (line) => {
    let error: unknown
    try {
      parsePattern(line)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PatternSyntaxError)
    const e = error as PatternSyntaxError
    expect(e.name).toBe('PatternSyntaxError')
    expect(e.offset).toBeGreaterThanOrEqual(0)
    expect(e.offset).toBeLessThanOrEqual(line.length)
    expect(e.column).toBe(e.offset + 1)
    expect(e.message).toBe(`pattern: at column ${e.column}: ${e.reason}`)
  })

  it('gives the golden column, kind and reason for each line (invalid-expected.tsv)', () => {
    expect(expectedErrors.map((x) => x.pattern)).toEqual(invalid)
    for (const x of expectedErrors) {
      let error: PatternSyntaxError | undefined
      try {
        parsePattern(x.pattern)
      } catch (e) {
        error = e as PatternSyntaxError
      }
      expect({ pattern: x.pattern, column: error?.column, code: error?.code, reason: error?.reason }).toEqual(x)
    }
  })
})

describe.skipIf(!corpusAvailable)('vector copies match the shared corpus', () => {
  it.each(['valid.txt', 'invalid.txt'])('%s is byte-identical', (name) => {
    const copy = readFileSync(new URL(name, vectorDir))
    const original = readFileSync(corpusPath('stix', 'patterns', name))
    expect(copy.equals(original)).toBe(true)
  })

  it('the syntax errors fall on the column upstream reports (invalid-with-errors.tsv)', () => {
    const rows = readFileSync(corpusPath('stix', 'patterns', 'invalid-with-errors.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter((l) => l !== '')
    let compared = 0
    for (const row of rows) {
      const [pattern = '', expected = ''] = row.split('\t')
      const m = /line 1:(\d+)\. (mismatched|extraneous|missing|no viable)/.exec(expected)
      if (m === null) continue
      let error: PatternSyntaxError | undefined
      try {
        parsePattern(pattern)
      } catch (e) {
        error = e as PatternSyntaxError
      }
      // ANTLR columns are 0-based; ours are 1-based.
      expect({ pattern, column: error?.column }).toEqual({ pattern, column: Number(m[1]) + 1 })
      compared++
    }
    expect(compared).toBe(12)
  })
})

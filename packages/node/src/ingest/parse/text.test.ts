import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../../test/corpus.js'
import { isIndicator } from './candidate.js'
import { FormatError } from './errors.js'
import { parseTextList } from './text.js'

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/ingest/${name}`, import.meta.url), 'utf8')

describe('parseTextList', () => {
  it('skips comments and blank lines, trims, strips CR and " #" comments, keeps line and column', () => {
    const r = parseTextList(fixture('list.txt'))
    expect(r.format).toBe('txt')
    expect(r.candidates.filter(isIndicator).map((c) => [c.value, c.source.line, c.source.column, c.typeHint, c.stixType])).toEqual([
      ['198.51.100.7', 4, 1, '', ''],
      ['evil.example', 5, 3, '', ''],
      ['http://evil.example/page#frag', 6, 1, '', ''],
      ['http://evil.example/x // not a comment', 7, 1, '', ''],
      ['last.example', 9, 1, '', ''],
    ])
    expect(r.problems).toEqual([])
  })

  it('counts lines ending in a lone CR like any other line end', () => {
    expect(parseTextList('a.example\rb.example\r').candidates.filter(isIndicator).map((c) => c.source.line)).toEqual([1, 2])
  })

  it('rejects a binary file at its first NUL or control byte', () => {
    const e = (() => {
      try {
        parseTextList(fixture('binary.bin'))
      } catch (err) {
        return err
      }
      return undefined
    })()
    expect(e).toBeInstanceOf(FormatError)
    expect(e).toMatchObject({ line: 2, column: 1, message: 'text list: binary content (control character U+0000) at line 2, column 1; expected a UTF-8 text file' })
  })

  it('rejects an over-long line but keeps the rest', () => {
    const r = parseTextList(`a.example\n${'x'.repeat(65_537)}\nb.example`)
    expect(r.candidates.filter(isIndicator).map((c) => c.value)).toEqual(['a.example', 'b.example'])
    expect(r.problems).toEqual([{ line: 2, message: 'text list line 2: 65537 characters, over the limit of 65536', severity: 'error' }])
  })
})

describe.skipIf(!corpusAvailable)('parseTextList: ESET hash lists', () => {
  const list = (file: string) => parseTextList(readFileSync(corpusPath('misp', file), 'utf8')).candidates.filter(isIndicator)

  it('strips CR from the CRLF emotet list: 9 SHA-256 values of 64 characters', () => {
    const c = list('emotet__samples.sha256')
    expect(c).toHaveLength(9)
    expect(c.every((x) => /^[0-9a-fA-F]{64}$/.test(x.value))).toBe(true)
  })

  it('trims the trailing space and reads the unterminated last line of backdoordiplomacy: 22 MD5', () => {
    const c = list('backdoordiplomacy__samples.md5')
    expect(c).toHaveLength(22)
    expect(c.map((x) => x.value)).toContain('90ce1320bd999c17abdf8975c92b08f7')
    expect(c.every((x) => /^[0-9a-f]{32}$/i.test(x.value))).toBe(true)
  })

  it('keeps the invalid 13th modiloader line as candidate 13 for the type check to reject', () => {
    const c = list('modiloader__samples.sha1')
    expect(c.map((x) => x.source.line)).toEqual(Array.from({ length: 13 }, (_, k) => k + 1))
    expect(c[12]?.value).toBe('f0295f2e46cebffaf7892a5b33ba54122781c20bs')
  })

  it.each([
    ['sednit__samples.sha256', 133],
    ['pypi_backdoor__samples.md5', 123],
    ['windigo__samples.sha1', 140],
    ['nukesped_lazarus__samples.sha256', 555],
  ])('%s has %i values', (file, n) => {
    expect(list(file)).toHaveLength(n)
  })
})

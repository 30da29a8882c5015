import { describe, expect, it } from 'vitest'
import { detectDelimiter, readCsvRecords } from './csv-records.js'

describe('readCsvRecords (RFC 4180)', () => {
  const read = (text: string, d = ',') => [...readCsvRecords(text, d)].map((r) => ({ fields: r.fields, line: r.line, error: r.error }))

  it('reads quoted fields, "" escapes, embedded separators and line breaks, CRLF and LF', () => {
    expect(read('a,"b,c","say ""hi"""\r\n"x\r\ny",,\n\nlast')).toEqual([
      { fields: ['a', 'b,c', 'say "hi"'], line: 1, error: undefined },
      { fields: ['x\r\ny', '', ''], line: 2, error: undefined },
      { fields: ['last'], line: 5, error: undefined },
    ])
  })

  it('marks a malformed record and goes on at the next line', () => {
    expect(read('a"b,c\n"d"e,f\ng,h')).toEqual([
      { fields: ['a"b'], line: 1, error: { column: 2, message: expect.stringContaining('double quote inside an unquoted field') } },
      { fields: ['d'], line: 2, error: { column: 4, message: "unexpected 'e' after a closing quote" } },
      { fields: ['g', 'h'], line: 3, error: undefined },
    ])
  })

  it('treats an unclosed quote as a FormatError at the opening quote', () => {
    expect(() => [...readCsvRecords('a,b\nc,"d\ne\n', ',')]).toThrow(
      expect.objectContaining({ name: 'FormatError', line: 2, column: 3, message: 'CSV: quoted field opened at line 2, column 3 is never closed' }),
    )
  })

  it('uses the given delimiter', () => {
    expect(read('a;"b;c";d,e\tf', ';')[0]?.fields).toEqual(['a', 'b;c', 'd,e\tf'])
    expect(read('a\t"b\tc"\td;e', '\t')[0]?.fields).toEqual(['a', 'b\tc', 'd;e'])
  })
})

describe('detectDelimiter', () => {
  it('picks the most frequent of comma, semicolon and tab outside quotes', () => {
    expect(detectDelimiter('value,type,tlp')).toBe(',')
    expect(detectDelimiter('"a,b";"c,d";e')).toBe(';')
    expect(detectDelimiter('value\ttype')).toBe('\t')
    expect(detectDelimiter('value')).toBe(',')
  })
})

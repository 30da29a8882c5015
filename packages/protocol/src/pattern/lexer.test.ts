import { describe, expect, it } from 'vitest'
import { PatternSyntaxError } from './errors.js'
import { Lexer, type Token } from './lexer.js'

function tokens(src: string): Array<Pick<Token, 'kind' | 'value'>> {
  const lexer = new Lexer(src)
  const out: Array<Pick<Token, 'kind' | 'value'>> = []
  for (;;) {
    const t = lexer.next()
    if (t.kind === 'eof') return out
    out.push({ kind: t.kind, value: t.value })
  }
}

function lexError(src: string): PatternSyntaxError {
  try {
    tokens(src)
  } catch (e) {
    if (e instanceof PatternSyntaxError) return e
    throw e
  }
  throw new Error(`lexed without error: ${src}`)
}

describe('lexer', () => {
  it('decodes the two string escapes and nothing else', () => {
    expect(tokens(String.raw`'it\'s' 'a\\b' ''`)).toEqual([
      { kind: 'string', value: "it's" },
      { kind: 'string', value: 'a\\b' },
      { kind: 'string', value: '' },
    ])
  })

  it('rejects any other backslash escape at the backslash', () => {
    const e = lexError(String.raw`'123\d+'`)
    expect(e.offset).toBe(4)
    expect(e.reason).toContain(String.raw`invalid escape '\d'`)
  })

  it('rejects an unterminated string at its opening quote', () => {
    const e = lexError("x 'abc")
    expect(e.offset).toBe(2)
    expect(e.reason).toBe('string is not closed by a quote')
  })

  it('keeps keywords case-sensitive and identifiers with hyphens whole', () => {
    expect(tokens('AND and x-usb-device _x1 true false LAST')).toEqual([
      { kind: 'keyword', value: 'AND' },
      { kind: 'ident', value: 'and' },
      { kind: 'ident', value: 'x-usb-device' },
      { kind: 'ident', value: '_x1' },
      { kind: 'bool', value: 'true' },
      { kind: 'bool', value: 'false' },
      { kind: 'keyword', value: 'LAST' },
    ])
  })

  it('canonicalises numbers', () => {
    expect(tokens('+5 -0 0 -12 .5 +007.50 -0.0 1.0').map((t) => `${t.kind}:${t.value}`)).toEqual([
      'int:5',
      'int:0',
      'int:0',
      'int:-12',
      'float:0.5',
      'float:7.5',
      'float:0.0',
      'float:1.0',
    ])
  })

  it('rejects an integer with a leading zero', () => {
    expect(lexError('[x:y = 0123]').offset).toBe(7)
  })

  it('reads operators, including == and <>', () => {
    expect(tokens('= == != <> < <= > >=').map((t) => t.value)).toEqual(['=', '=', '!=', '!=', '<', '<=', '>', '>='])
  })

  it('reads typed literals and canonicalises them', () => {
    expect(tokens("t'2020-01-01T00:00:00.500Z' t'2020-01-01T00:00:00.000Z' h'AbCd' h'' b'QQ=='")).toEqual([
      { kind: 'timestamp', value: '2020-01-01T00:00:00.5Z' },
      { kind: 'timestamp', value: '2020-01-01T00:00:00Z' },
      { kind: 'hex', value: 'abcd' },
      { kind: 'hex', value: '' },
      { kind: 'binary', value: 'QQ==' },
    ])
  })

  it.each([
    ["h'abc'", 'odd number of hex digits'],
    ["h'zz'", "'z' is not a hex digit"],
    ["b''", 'base64 value is empty'],
    ["b'QQ'", 'not a multiple of 4'],
    ["b'Q*=='", "'*' at position 2 is not a base64 character"],
    ["t'2024-01-15 12:30:45Z'", 'expected the form'],
    ["t'2024-01-15t12:30:45z'", 'expected the form'],
    ["t'2024-01-15T12:30:45Z", 'not closed'],
  ])('rejects %s', (src, reason) => {
    const e = lexError(src)
    expect(e.offset).toBe(0)
    expect(e.reason).toContain(reason)
  })

  it('accepts a leap second and day 31 of any month, as the grammar does', () => {
    expect(tokens("t'2016-12-31T23:59:60Z' t'2023-02-31T00:00:00Z'").map((t) => t.kind)).toEqual([
      'timestamp',
      'timestamp',
    ])
  })

  it('reads t, h and b as identifiers when no quote follows', () => {
    expect(tokens("t h b t_ 'x'").map((t) => t.kind)).toEqual(['ident', 'ident', 'ident', 'ident', 'string'])
  })

  it('skips comments and Unicode white space', () => {
    expect(tokens('[ /* c */ x\u00a0\u2003// to the end\n:y ]').map((t) => t.value)).toEqual(['[', 'x', ':', 'y', ']'])
  })

  it('rejects an unclosed block comment', () => {
    expect(lexError('[x /* open').offset).toBe(3)
  })

  it('hands characters that start no token to the parser as invalid tokens', () => {
    expect(tokens('? - +')).toEqual([
      { kind: 'invalid', value: '?' },
      { kind: 'invalid', value: '-' },
      { kind: 'invalid', value: '+' },
    ])
  })

  it('reports tokens at their offsets', () => {
    const lexer = new Lexer("  [x:y='a']")
    expect([lexer.next(), lexer.next(), lexer.next()].map((t) => t.offset)).toEqual([2, 3, 4])
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../../test/corpus.js'
import { FormatError, InputTooLargeError } from './errors.js'
import { findJsonSyntaxError, parseJsonStrict } from './json-position.js'

function failure(text: string): FormatError {
  try {
    parseJsonStrict(text, 'input.json')
  } catch (e) {
    if (e instanceof FormatError) return e
    throw e
  }
  throw new Error('expected a FormatError')
}

describe('parseJsonStrict', () => {
  it('returns the parsed value of valid JSON, with or without a BOM', () => {
    expect(parseJsonStrict('{"a":[1,2.5e3,"x\\u00e9",true,null]}', 'x')).toEqual({ a: [1, 2500, 'xé', true, null] })
    expect(parseJsonStrict('\ufeff\r\n[ ]\r\n', 'x')).toEqual([])
  })

  it.each([
    ['[1,2,]', 1, 6, "expected a value, found ']' (trailing comma before it)"],
    ['{"a":1,}', 1, 8, "expected a property name in double quotes, found '}' (trailing comma before it)"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}', found '\"'"],
    ['[1,\r\n 2,\r\n ]', 3, 2, "expected a value, found ']'"],
    ['\ufeff{"a":\n  [1,\r\n  ]}', 3, 3, "expected a value, found ']'"],
    ['{"a" 1}', 1, 6, "expected ':' after the property name, found '1'"],
    ['  "abc', 1, 3, 'unterminated string starting here'],
    ['[01]', 1, 3, "expected ',' or ']', found '1'"],
    ['[-]', 1, 3, "expected a digit, found ']'"],
    ['[1.]', 1, 4, "expected a digit after '.', found ']'"],
    ['[1e+]', 1, 5, 'expected a digit in the exponent'],
    ['{"a":tru}', 1, 9, "expected 'true', found '}'"],
    ['"a\tb"', 1, 3, 'control character U+0009 inside a string must be escaped'],
    ['"\\x"', 1, 3, 'invalid escape \\x'],
    ['"\\u12g4"', 1, 6, '\\u escape needs 4 hex digits'],
    ['[1] x', 1, 5, "unexpected 'x' after the end of the JSON value"],
    ['', 1, 1, 'expected a value, found end of input'],
    ['{"a":[', 1, 7, 'expected a value, found end of input'],
    ["{'a':1}", 1, 2, "expected a property name in double quotes, found '''"],
    ['["😀😀", x]', 1, 8, "expected a value, found 'x'"],
  ])('%j fails at line %i, column %i', (text, line, column, message) => {
    const e = failure(text)
    expect(e).toMatchObject({ name: 'FormatError', line, column })
    expect(e.message).toContain(`input.json: invalid JSON at line ${line}, column ${column}: `)
    expect(e.message).toContain(message)
  })

  it('agrees with JSON.parse on what is valid', () => {
    for (const text of ['0', '-0.5E-3', '"\\ud83d\\ude00"', '{"":{}}', ' [[[]],{"k":[{}]}] ', 'null']) {
      expect(findJsonSyntaxError(text)).toBeUndefined()
      expect(() => JSON.parse(text)).not.toThrow()
    }
  })

  it('survives deep nesting without recursion', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(199_999)
    expect(findJsonSyntaxError(deep)).toMatchObject({ index: deep.length, message: expect.stringContaining("expected ',' or ']'") })
  })

  it('refuses input over the size limit before parsing', () => {
    const e = (() => {
      try {
        parseJsonStrict('["ab"]', 'big.json', { maxBytes: 5 })
      } catch (err) {
        return err
      }
      return undefined
    })()
    expect(e).toBeInstanceOf(InputTooLargeError)
    expect(e).toBeInstanceOf(FormatError)
    expect((e as Error).message).toBe('big.json: input is 6 bytes, over the limit of 5 bytes; split it into smaller files')
    // Multi-byte characters count as their UTF-8 length.
    expect(() => parseJsonStrict('"éé"', 'x', { maxBytes: 5 })).toThrow(/input is 6 bytes/)
    expect(parseJsonStrict('"éé"', 'x', { maxBytes: 6 })).toBe('éé')
  })
})

describe.skipIf(!corpusAvailable)('parseJsonStrict on the malformed ESET PyPI event', () => {
  it('reports the trailing comma at line 37374, column 9', () => {
    const text = readFileSync(corpusPath('misp', 'pypi_backdoor__malicious_pypi_packages.misp-event.json'), 'utf8')
    const e = failure(text)
    expect(e).toMatchObject({ line: 37374, column: 9 })
    // The README gives JS string index 1,532,399 for the offending ']'.
    expect(findJsonSyntaxError(text)?.index).toBe(1_532_399)
  })
})

import { describe, expect, it } from 'vitest'
import { assertTextual } from './text-guard.js'

describe('assertTextual', () => {
  it('allows tabs, line ends, form feeds and any Unicode text', () => {
    expect(() => assertTextual('a\tb\r\nc\fé😀\u000b', 'f')).not.toThrow()
  })

  it.each([
    ['a\u0000b', 1, 2, 'U+0000'],
    ['ok\n\n  \u001b[31m', 3, 3, 'U+001B'],
    ['\u0001', 1, 1, 'U+0001'],
  ])('%j is binary at line %i, column %i', (text, line, column, code) => {
    expect(() => assertTextual(text, 'f')).toThrow(expect.objectContaining({ name: 'FormatError', line, column, message: expect.stringContaining(code) }))
  })
})

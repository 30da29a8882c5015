import { describe, expect, it } from 'vitest'
import { ObservableError, showValue } from './errors.js'
import { utf8Length } from './text.js'

describe('ObservableError', () => {
  it('has a stable name, a code and a message naming type, property and value', () => {
    const e = new ObservableError({ code: 'invalid-value', type: 'url', property: 'value', problem: 'no host', value: 'http://' })
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('ObservableError')
    expect(e.code).toBe('invalid-value')
    expect(e.message).toBe("url:value 'http://': no host")
    expect(e.problem).toBe('no host')
  })

  it('omits the value when none is given', () => {
    expect(new ObservableError({ code: 'too-long', type: 'url', property: 'value', problem: 'too long' }).message).toBe(
      'url:value: too long',
    )
  })
})

describe('showValue', () => {
  it('escapes quotes, backslashes and control characters and cuts long values', () => {
    expect(showValue("a'b\\c\u0000\u009b")).toBe("'a\\'b\\\\c\\u0000\\u009b'")
    expect(showValue('x'.repeat(100))).toBe(`'${'x'.repeat(80)}…'`)
  })
})

describe('utf8Length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['é', 2],
    ['€', 3],
    ['😀', 4],
    ['a😀é€', 10],
  ])('%j is %d bytes', (s, n) => {
    expect(utf8Length(s)).toBe(n)
    expect(utf8Length(s)).toBe(new TextEncoder().encode(s).length)
  })
})

import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { normaliseDomain, parentDomains } from './domain.js'

describe('normaliseDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['EXAMPLE.COM', 'example.com'],
    ['Example.Com.', 'example.com'],
    ['Bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['XN--BCHER-KVA.EXAMPLE', 'xn--bcher-kva.example'],
    ['faß.de', 'xn--fa-hia.de'], // UTS 46 non-transitional: ß is kept, not mapped to 'ss'
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    ['ＥＸＡＭＰＬＥ.com', 'example.com'], // full-width letters are mapped
    ['example。com', 'example.com'], // ideographic full stop is a label separator
    ['☃.net', 'xn--n3h.net'],
    ['_dmarc.example.com', '_dmarc.example.com'],
    ['a_b.example', 'a_b.example'],
    ['-edge-.example', '-edge-.example'],
    ['localhost', 'localhost'],
    ['global-pro.xyz', 'global-pro.xyz'],
    ['a.b.c.d.e.f.example', 'a.b.c.d.e.f.example'],
    [`${'a'.repeat(63)}.com`, `${'a'.repeat(63)}.com`],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected)
  })

  it('keeps confusables apart: a Cyrillic а gives a different punycode name', () => {
    const latin = normaliseDomain('paypal.com')
    const cyrillic = normaliseDomain('p\u0430ypal.com')
    expect(cyrillic).toBe('xn--pypal-4ve.com')
    expect(cyrillic).not.toBe(latin)
  })

  it('accepts 253 characters and refuses 254', () => {
    const label = 'a'.repeat(61)
    const name253 = [label, label, label, label].join('.') + '.b' // 4*61+3+2 = 249
    const ok = `${name253}bbbb` // 253
    expect(ok.length).toBe(253)
    expect(normaliseDomain(ok)).toBe(ok)
    expect(() => normaliseDomain(`${ok}b`)).toThrow('254 characters long')
  })

  it.each([
    ['1.2.3.4', 'IP address'],
    ['10.0.0.1.', 'IP address'],
    ['0x7f.1', 'IP address'],
    ['2001:db8::1', 'IPv6'],
    ['[::1]', 'IPv6'],
    ['example.com:8080', 'host:port'],
    ['a..b.com', 'label 2 is empty'],
    ['.example.com', 'label 1 is empty'],
    ['example.com..', 'is empty'],
    [`${'a'.repeat(64)}.com`, 'label 1 is 64 characters'],
    ['exa mple.com', "the character ' '"],
    ['*.example.com', "the character '*'"],
    ['example.com/path', "the character '/'"],
    ['user@example.com', "the character '@'"],
    ['ex%41mple.com', "the character '%'"],
    ['xn--zz.com', 'IDNA processing failed'],
    ['xn--.com', 'IDNA processing failed'],
    ['\u202eevil.com', 'IDNA processing failed'],
    ['.', 'empty'],
  ])('rejects %j (%s)', (input, problem) => {
    expect(() => normaliseDomain(input)).toThrow(ObservableError)
    expect(() => normaliseDomain(input)).toThrow(problem)
  })

  it('lets punycode of a long Unicode label exceed 63 and be refused', () => {
    expect(() => normaliseDomain(`${'ü'.repeat(60)}.com`)).toThrow(/label 1 is \d+ characters long in ASCII form/)
  })
})

describe('parentDomains', () => {
  it.each([
    ['a.b.example.com', ['b.example.com', 'example.com']],
    ['b.example.com', ['example.com']],
    ['example.com', []],
    ['com', []],
    ['x.example.co.uk', ['example.co.uk', 'co.uk']],
  ])('%s → %j', (input, expected) => {
    expect(parentDomains(input)).toEqual(expected)
  })
})

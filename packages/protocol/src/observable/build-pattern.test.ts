import { describe, expect, it } from 'vitest'
import { buildPattern, indicatorNameFor, quotePatternString } from './build-pattern.js'
import { normaliseObservable } from './normalise.js'

const SHA256 = '3ea2ead8f3cec030906dcbffe3efd5c5d77d5d375d4a54cca03bfe8a6cb59940'
const o = normaliseObservable

describe('buildPattern', () => {
  it.each([
    [o('ipv4-addr', 'value', '10.1.2.3/8'), "[ipv4-addr:value = '10.0.0.0/8']"],
    [o('ipv6-addr', 'value', '2001:db8::1'), "[ipv6-addr:value = '2001:db8::1']"],
    [o('file', 'hashes.sha256', SHA256), `[file:hashes.'SHA-256' = '${SHA256}']`],
    [o('file', 'hashes.md5', 'a'.repeat(32)), `[file:hashes.MD5 = '${'a'.repeat(32)}']`],
    [o('x509-certificate', 'hashes.SHA-1', 'b'.repeat(40)), `[x509-certificate:hashes.'SHA-1' = '${'b'.repeat(40)}']`],
    [o('x509-certificate', 'serial_number', '0e:97'), "[x509-certificate:serial_number = 'e97']"],
    [o('url', 'value', "http://example.com/it's"), "[url:value = 'http://example.com/it\\'s']"],
    [o('windows-registry-key', 'key', 'HKCU\\Software\\X'), "[windows-registry-key:key = 'HKEY_CURRENT_USER\\\\software\\\\x']"],
    [o('x509-certificate', 'subject', "CN=O'Brien\\, Ltd"), "[x509-certificate:subject = 'CN=O\\'Brien\\\\, Ltd']"],
  ])('%j', (observable, pattern) => {
    expect(buildPattern(observable)).toBe(pattern)
  })

  it('joins one type with OR in one bracket, and types with OR between brackets', () => {
    const pattern = buildPattern([
      o('ipv4-addr', 'value', '198.51.100.7'),
      o('domain-name', 'value', 'evil.example'),
      o('ipv4-addr', 'value', '203.0.113.0/24'),
      o('ipv4-addr', 'value', '198.51.100.7/32'),
    ])
    expect(pattern).toBe(
      "[ipv4-addr:value = '198.51.100.7' OR ipv4-addr:value = '203.0.113.0/24'] OR [domain-name:value = 'evil.example']",
    )
  })

  it('builds the three-hash pattern of a real indicator', () => {
    const pattern = buildPattern([
      o('file', "hashes.'SHA-256'", SHA256),
      o('file', "hashes.'SHA-1'", 'd28830d87fc71091f003818ef08ff0b723b3f358'),
      o('file', 'hashes.MD5', '9ca5df575e5bd60035202dabd67b7af2'),
    ])
    expect(pattern).toBe(
      `[file:hashes.'SHA-256' = '${SHA256}' OR file:hashes.'SHA-1' = 'd28830d87fc71091f003818ef08ff0b723b3f358' OR file:hashes.MD5 = '9ca5df575e5bd60035202dabd67b7af2']`,
    )
  })

  it('refuses an empty list', () => {
    expect(() => buildPattern([])).toThrow('at least one observable')
  })

  it('escapes backslash before quote', () => {
    expect(quotePatternString("a\\'b")).toBe("'a\\\\\\'b'")
  })
})

describe('indicatorNameFor', () => {
  it.each([
    [o('ipv4-addr', 'value', '198.51.100.7'), 'IPv4 198.51.100.7'],
    [o('ipv4-addr', 'value', '10.0.0.0/8'), 'IPv4 10.0.0.0/8'],
    [o('ipv6-addr', 'value', '2001:db8::1'), 'IPv6 2001:db8::1'],
    [o('domain-name', 'value', 'evil.example'), 'Domain evil.example'],
    [o('url', 'value', 'http://evil.example/'), 'URL http://evil.example/'],
    [o('email-addr', 'value', 'a@evil.example'), 'E-mail a@evil.example'],
    [o('file', 'hashes.SHA-256', SHA256), `File SHA-256 ${SHA256}`],
    [o('windows-registry-key', 'key', 'HKLM\\Run'), 'Registry key HKEY_LOCAL_MACHINE\\run'],
    [o('x509-certificate', 'serial_number', 'ab'), 'X.509 certificate serial_number ab'],
    [o('x509-certificate', 'hashes.MD5', 'c'.repeat(32)), `X.509 certificate MD5 ${'c'.repeat(32)}`],
  ])('%j → %s', (observable, name) => {
    expect(indicatorNameFor(observable)).toBe(name)
  })

  it('cuts long values', () => {
    const name = indicatorNameFor(o('url', 'value', `http://evil.example/${'a'.repeat(500)}`))
    expect(name.length).toBe(4 + 200 + 1)
    expect(name.endsWith('…')).toBe(true)
  })
})

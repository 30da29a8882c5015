import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { resolveTypedValue } from './short-names.js'

const SHA256 = '3ea2ead8f3cec030906dcbffe3efd5c5d77d5d375d4a54cca03bfe8a6cb59940'

describe('resolveTypedValue', () => {
  it.each([
    ['ipv4-addr', '10.1.2.3/8', 'ipv4-addr:value=10.0.0.0/8'],
    ['ip', '198.51.100.7', 'ipv4-addr:value=198.51.100.7'],
    ['IP', '2001:DB8::1', 'ipv6-addr:value=2001:db8::1'],
    ['ipv6', '::1', 'ipv6-addr:value=::1'],
    ['ipv6-addr', '2001:db8::1/128', 'ipv6-addr:value=2001:db8::1'],
    ['domain', 'Example.COM', 'domain-name:value=example.com'],
    ['domain-name', 'bücher.example', 'domain-name:value=xn--bcher-kva.example'],
    ['url', 'example.com/a', 'url:value=http://example.com/a'],
    ['email', 'A@Example.com', 'email-addr:value=a@example.com'],
    ['email-addr', 'a@example.com', 'email-addr:value=a@example.com'],
    ['md5', '9CA5DF575E5BD60035202DABD67B7AF2', 'file:hashes.MD5=9ca5df575e5bd60035202dabd67b7af2'],
    ['sha1', 'd28830d87fc71091f003818ef08ff0b723b3f358', 'file:hashes.SHA-1=d28830d87fc71091f003818ef08ff0b723b3f358'],
    ['sha256', SHA256, `file:hashes.SHA-256=${SHA256}`],
    ['sha512', 'a'.repeat(128), `file:hashes.SHA-512=${'a'.repeat(128)}`],
    ['file', 'A'.repeat(32), `file:hashes.MD5=${'a'.repeat(32)}`],
    ['file', SHA256, `file:hashes.SHA-256=${SHA256}`],
    ['file', ` ${'b'.repeat(40)} `, `file:hashes.SHA-1=${'b'.repeat(40)}`],
    ['windows-registry-key', 'HKCU\\Run', 'windows-registry-key:key=HKEY_CURRENT_USER\\run'],
  ])('%s %j → %s', (typeName, value, key) => {
    expect(resolveTypedValue(typeName, value).key).toBe(key)
  })

  it.each([
    ['ipv4-addr', 'xyz', "'xyz' is not a valid IPv4 address: an IPv4 address has 4 dot-separated octets, this has 1"],
    ['ip', '10.0.0.256', "'10.0.0.256' is not a valid IP address: octet 4 (256) is greater than 255"],
    ['ip', '2001:db8::g', "'2001:db8::g' is not a valid IP address: group 'g' is not 1 to 4 hexadecimal digits"],
    ['domain', '1.2.3.4', "'1.2.3.4' is not a valid domain name: the last label is a number"],
    ['url', 'not a url', "'not a url' is not a valid URL: host: the character ' '"],
    ['email', 'nobody', "'nobody' is not a valid e-mail address: an e-mail address has exactly one '@'"],
    ['md5', 'abc', "'abc' is not a valid MD5 hash (32 hexadecimal digits): a MD5 hash has 32 hexadecimal digits, this has 3"],
    ['sha256', 'z'.repeat(64), 'is not a valid SHA-256 hash (64 hexadecimal digits): a SHA-256 hash is hexadecimal digits only'],
    ['file', 'abcd', "'abcd' is not a valid MD5, SHA-1, SHA-256 or SHA-512 hash (32, 40, 64 or 128 hexadecimal digits): it has 4 characters"],
    ['ip', '', "'' is not a valid IP address: the value is empty"],
  ])('%s %j throws %j', (typeName, value, message) => {
    expect(() => resolveTypedValue(typeName, value)).toThrow(ObservableError)
    expect(() => resolveTypedValue(typeName, value)).toThrow(message)
  })

  it('keeps the underlying error code', () => {
    expect(() => resolveTypedValue('domain', 'a'.repeat(3000))).toThrow(expect.objectContaining({ code: 'too-long' }))
    expect(() => resolveTypedValue('url', 'http://a.com/\u0000')).toThrow(expect.objectContaining({ code: 'bad-characters' }))
  })

  it('names the known types for an unknown one', () => {
    expect(() => resolveTypedValue('hostname', 'x')).toThrow(expect.objectContaining({ code: 'unsupported-type' }))
    expect(() => resolveTypedValue('hostname', 'x')).toThrow(/'hostname' is not a known observable type; use one of: .*ipv4-addr.*sha256/)
    expect(() => resolveTypedValue('__proto__', 'x')).toThrow('is not a known observable type')
  })
})

import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { ObservableError } from './errors.js'
import { isSupportedProperty, normaliseObservable } from './normalise.js'

const SHA256 = '3ea2ead8f3cec030906dcbffe3efd5c5d77d5d375d4a54cca03bfe8a6cb59940'

describe('normaliseObservable', () => {
  it.each([
    ['ipv4-addr', 'value', ' 10.1.2.3/8 ', 'ipv4-addr:value=10.0.0.0/8'],
    ['ipv6-addr', 'value', '2001:DB8::0:1', 'ipv6-addr:value=2001:db8::1'],
    ['domain-name', 'value', 'Bücher.example.', 'domain-name:value=xn--bcher-kva.example'],
    ['url', 'value', 'HTTP://Example.com:80', 'url:value=http://example.com/'],
    ['email-addr', 'value', 'Alice@Example.COM', 'email-addr:value=alice@example.com'],
    ['file', "hashes.'SHA-256'", SHA256.toUpperCase(), `file:hashes.SHA-256=${SHA256}`],
    ['file', 'hashes.SHA256', SHA256, `file:hashes.SHA-256=${SHA256}`],
    ['file', 'hashes.sha-256', SHA256, `file:hashes.SHA-256=${SHA256}`],
    ['windows-registry-key', 'key', 'HKLM\\Software\\Run', 'windows-registry-key:key=HKEY_LOCAL_MACHINE\\software\\run'],
    ['x509-certificate', 'hashes.sha1', 'AB'.repeat(20), `x509-certificate:hashes.SHA-1=${'ab'.repeat(20)}`],
    ['x509-certificate', 'serial_number', '0E:97', 'x509-certificate:serial_number=e97'],
    ['x509-certificate', 'subject', '  CN=WEBMAIL, O=Example ', 'x509-certificate:subject=CN=WEBMAIL, O=Example'],
    ['x509-certificate', 'issuer', 'CN=LM-68AB71FBD8F5', 'x509-certificate:issuer=CN=LM-68AB71FBD8F5'],
  ])('%s:%s %j → %s', (type, property, value, key) => {
    const o = normaliseObservable(type, property, value)
    expect(o.key).toBe(key)
    expect(o.key).toBe(`${o.type}:${o.property}=${o.value}`)
    expect(o.type).toBe(type)
  })

  it('gives one key to the spellings of one indicator', () => {
    const spellings: [string, string, string][] = [
      ['file', "hashes.'SHA-256'", SHA256.toUpperCase()],
      ['file', 'hashes.sha256', SHA256],
      ['file', 'hashes.SHA_256', ` ${SHA256}\r\n`],
    ]
    const keys = new Set(spellings.map(([t, p, v]) => normaliseObservable(t, p, v).key))
    expect(keys.size).toBe(1)
  })

  it.each([
    ['cryptocurrency-wallet', 'value', 'x', 'unsupported-type'],
    ['IPv4-Addr', 'value', '1.2.3.4', 'unsupported-type'],
    ['file', 'name', 'evil.exe', 'unsupported-property'],
    ['ipv4-addr', 'resolves_to_refs', '1.2.3.4', 'unsupported-property'],
    ['ipv4-addr', 'Value', '1.2.3.4', 'unsupported-property'],
    ['domain-name', 'constructor', 'x', 'unsupported-property'],
    ['domain-name', '__proto__', 'x', 'unsupported-property'],
    ['domain-name', 'value', '', 'empty'],
    ['domain-name', 'value', ' \t\r\n ', 'empty'],
    ['domain-name', 'value', 'a\u0000b.com', 'bad-characters'],
    ['url', 'value', 'http://a.com/\u0085', 'bad-characters'],
    ['url', 'value', 'http://a.com/x\ny', 'bad-characters'],
    ['email-addr', 'value', 'a@b.com\u007f', 'bad-characters'],
    ['domain-name', 'value', 'a\ud800.com', 'bad-characters'],
    ['domain-name', 'value', 'exa mple.com', 'invalid-value'],
  ])('%s:%s %j → %s', (type, property, value, code) => {
    expect(() => normaliseObservable(type, property, value)).toThrow(expect.objectContaining({ name: 'ObservableError', code }))
  })

  it('names the control character and its position', () => {
    expect(() => normaliseObservable('domain-name', 'value', 'ab\u0007c.com')).toThrow(
    "domain-name:value 'ab\\u0007c.com': the value contains the control character U+0007 at position 2",
    )
  })

  it('limits URLs to 8 KiB and other values to 2 KiB, in UTF-8 bytes', () => {
    const url = `http://example.com/${'a'.repeat(8192 - 19)}`
    expect(url.length).toBe(8192)
    expect(normaliseObservable('url', 'value', url).value).toBe(url)
    expect(() => normaliseObservable('url', 'value', `${url}a`)).toThrow(
      'url:value: the value is more than 8193 bytes long; the limit is 8192 bytes',
    )
    const wide = `http://example.com/${'é'.repeat(4087)}` // 19 + 2 × 4087 = 8193 bytes
    expect(() => normaliseObservable('url', 'value', wide)).toThrow('8193 bytes long; the limit is 8192')
    expect(() => normaliseObservable('domain-name', 'value', 'a'.repeat(2049))).toThrow(
      expect.objectContaining({ code: 'too-long' }),
    )
    expect(() => normaliseObservable('x509-certificate', 'subject', `CN=${'€'.repeat(700)}`)).toThrow('2103 bytes long')
    expect(() => normaliseObservable('domain-name', 'value', 'a'.repeat(1_000_000))).toThrow('limit is 2048 bytes')
  })

  it('refuses a value that is not a string', () => {
    expect(() => normaliseObservable('url', 'value', 42 as unknown as string)).toThrow('must be a string, not number')
  })

  it('does not put a huge value into the message', () => {
    try {
      normaliseObservable('domain-name', 'value', `${'a'.repeat(1000)} b`)
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ObservableError)
      expect((e as Error).message.length).toBeLessThan(200)
    }
  })
})

describe('isSupportedProperty', () => {
  it.each([
    ['file', 'hashes.MD5', true],
    ['file', 'name', false],
    ['x509-certificate', 'serial_number', true],
    ['windows-registry-key', 'key', true],
    ['windows-registry-key', 'values', false],
    ['artifact', 'hashes.MD5', false],
    ['url', 'toString', false],
  ])('%s:%s → %s', (type, property, expected) => {
    expect(isSupportedProperty(type, property)).toBe(expected)
  })
})

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? jsonFiles(p) : p.endsWith('.json') ? [p] : []
  })
}

describe.skipIf(!corpusAvailable)('every simple comparison in the corpus patterns (corpus)', () => {
  it('normalises, except the unsupported types and properties and one bad domain', () => {
    const files = [...jsonFiles(corpusPath('stix-real')), ...jsonFiles(corpusPath('stix'))]
    const comparison = /([a-z0-9-]+):([a-z_]+(?:\.(?:'[^']*'|[A-Za-z0-9_-]+))?)\s*=\s*'((?:\\.|[^'\\])*)'/g
    let normalised = 0
    const failures = new Set<string>()
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/"pattern":\s*"((?:\\.|[^"\\])*)"/g)) {
        const pattern = JSON.parse(`"${m[1] ?? ''}"`) as string
        for (const c of pattern.matchAll(comparison)) {
          try {
            normaliseObservable(c[1] ?? '', c[2] ?? '', (c[3] ?? '').replace(/\\(.)/g, '$1'))
            normalised++
          } catch (e) {
            if (!(e instanceof ObservableError)) throw e
            failures.add(`${e.code} ${e.type}:${e.property}`)
          }
        }
      }
    }
    expect(normalised).toBeGreaterThan(350)
    expect([...failures].sort()).toEqual([
      'invalid-value domain-name:value', // poisonivy.json: 'domain autuo.xicp.net'
      'unsupported-property file:name',
      'unsupported-type cryptocurrency-wallet:value',
      'unsupported-type cryptographic-key:value',
    ])
  })
})

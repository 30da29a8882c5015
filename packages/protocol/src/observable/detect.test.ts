import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { detectObservable } from './detect.js'

const MD5 = '9ca5df575e5bd60035202dabd67b7af2'
const SHA1 = 'd28830d87fc71091f003818ef08ff0b723b3f358'
const SHA256 = '3ea2ead8f3cec030906dcbffe3efd5c5d77d5d375d4a54cca03bfe8a6cb59940'

describe('detectObservable', () => {
  it.each([
    ['198.51.100.7', 'ipv4-addr', 'value', '198.51.100.7'],
    ['  198.51.100.7\r', 'ipv4-addr', 'value', '198.51.100.7'],
    ['\uFEFF198.51.100.7', 'ipv4-addr', 'value', '198.51.100.7'],
    ['10.1.2.3/8', 'ipv4-addr', 'value', '10.0.0.0/8'],
    ['198[.]51[.]100[.]7', 'ipv4-addr', 'value', '198.51.100.7'],
    ['2001:DB8::1', 'ipv6-addr', 'value', '2001:db8::1'],
    ['2001:db8::/32', 'ipv6-addr', 'value', '2001:db8::/32'],
    ['::ffff:192.0.2.1', 'ipv6-addr', 'value', '::ffff:192.0.2.1'],
    ['[2001:db8::1]', 'ipv6-addr', 'value', '2001:db8::1'],
    ['2001:db8[:]:1', 'ipv6-addr', 'value', '2001:db8::1'],
    ['http://Evil.example/a', 'url', 'value', 'http://evil.example/a'],
    ['hxxps://evil[.]example/gate.php?id=1', 'url', 'value', 'https://evil.example/gate.php?id=1'],
    ['ftp://files.example', 'url', 'value', 'ftp://files.example/'],
    ['Alice@Example.com', 'email-addr', 'value', 'alice@example.com'],
    ['alice[@]example[.]com', 'email-addr', 'value', 'alice@example.com'],
    [MD5.toUpperCase(), 'file', 'hashes.MD5', MD5],
    [SHA1, 'file', 'hashes.SHA-1', SHA1],
    [SHA256, 'file', 'hashes.SHA-256', SHA256],
    ['ab'.repeat(64), 'file', 'hashes.SHA-512', 'ab'.repeat(64)],
    ['Evil.Example.COM', 'domain-name', 'value', 'evil.example.com'],
    ['evil[.]example', 'domain-name', 'value', 'evil.example'],
    ['evil(.)example', 'domain-name', 'value', 'evil.example'],
    ['bücher.example', 'domain-name', 'value', 'xn--bcher-kva.example'],
    ['example.xn--p1ai', 'domain-name', 'value', 'example.xn--p1ai'],
    ['choto.click', 'domain-name', 'value', 'choto.click'],
    ['HKLM\\Software\\Run', 'windows-registry-key', 'key', 'HKEY_LOCAL_MACHINE\\software\\run'],
  ])('%j → %s %s', (raw, type, property, value) => {
    expect(detectObservable(raw)).toEqual({ type, property, value })
  })

  it.each([
    '',
    '   ',
    '\r',
    '# comment',
    'hello',
    'hello world',
    'example.com/path',
    'evil.exe',
    'file.docx'.replace('docx', '1'),
    'example.123',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    'abcdef', // hex of no hash length
    'a'.repeat(33),
    'g'.repeat(32),
    'http://exa mple.com/',
    'a@b',
    'example.c',
    'x'.repeat(10_000),
    'Software\\Microsoft',
  ])('%j → undefined', (raw) => {
    expect(detectObservable(raw)).toBeUndefined()
  })
})

describe.skipIf(!corpusAvailable)('detectObservable on ESET plain hash lists (corpus)', () => {
  const lines = (name: string): string[] =>
    readFileSync(corpusPath('misp', name), 'utf8')
      .split('\n')
      .filter((l) => l !== '')

  it.each([
    ['emotet__samples.sha256', 'hashes.SHA-256', 9], // CRLF line endings
    ['backdoordiplomacy__samples.md5', 'hashes.MD5', 22], // a trailing space, no final newline
    ['windigo__samples.sha1', 'hashes.SHA-1', 140],
    ['sednit__samples.sha256', 'hashes.SHA-256', 133],
  ])('%s: every line is a %s', (name, property, count) => {
    const found = lines(name).map(detectObservable)
    expect(found).toHaveLength(count)
    for (const o of found) {
      expect(o?.property).toBe(property)
      expect(o?.value).toMatch(/^[0-9a-f]+$/)
    }
  })

  it('modiloader__samples.sha1: 12 hashes and the 41-character bad line left out', () => {
    const found = lines('modiloader__samples.sha1').map(detectObservable)
    expect(found.filter((o) => o?.property === 'hashes.SHA-1')).toHaveLength(12)
    expect(found[12]).toBeUndefined()
  })
})

describe('detectObservable and file names', () => {
  it.each(['evil.exe', 'invoice.pdf', 'payload.dll', 'Report.DOCX', 'index.html'])('%j is not a domain', (raw) => {
    expect(detectObservable(raw)).toBeUndefined()
  })

  it('keeps names whose extension is a real TLD', () => {
    expect(detectObservable('photos.zip')).toEqual({ type: 'domain-name', property: 'value', value: 'photos.zip' })
  })
})

describe('detectObservable on hostile lines', () => {
  it.each([
    ['colons', `${':'.repeat(8000)}x`],
    ['dots after @', `a@${'.'.repeat(8000)} `],
    ['dotted labels', `${'a.'.repeat(4000)}!`],
    ['percent signs', `http://example.com/${'%'.repeat(8000)}`],
    ['dot segments', `http://example.com${'/..'.repeat(2700)}`],
  ])('handles %s quickly', (_name, line) => {
    const start = performance.now()
    detectObservable(line)
    expect(performance.now() - start).toBeLessThan(250)
  })
})

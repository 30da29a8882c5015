import { describe, expect, it } from 'vitest'
import { WarninglistError } from './errors.js'
import { WarninglistMatcher } from './matcher.js'
import type { Warninglist, WarninglistType } from './types.js'

function list(name: string, type: WarninglistType, matchingAttributes: string[], entries: string[]): Warninglist {
  return { name, version: 1, description: '', matchingAttributes, type, list: entries, file: `${name}.json` }
}
const IPS = ['ip-src', 'ip-dst', 'domain|ip']
const DOMAINS = ['domain', 'hostname', 'domain|ip', 'url']

const matcher = new WarninglistMatcher([
  list('private', 'cidr', IPS, ['10.0.0.0/8', '10.1.0.0/16', '192.168.0.0/16', 'FE80::/10', '2001:DB8::/32']),
  list('resolvers', 'cidr', IPS, ['1.1.1.1', '2606:4700:4700::1111']),
  list('top', 'hostname', DOMAINS, ['example.com', '.only-below.org', '*.wild.net']),
  list('ms', 'string', DOMAINS, ['microsoft.com', '.microsoft.com', 'TLD', 'https://example.net/Exact']),
  list('exact-domains', 'string', ['domain', 'hostname'], ['plain.example']),
  list('sandbox', 'substring', ['domain', 'url'], ['sandbox']),
  list('hashes', 'string', ['md5', 'sha256', 'filename|sha256'], ['D41D8CD98F00B204E9800998ECF8427E', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']),
  list('sha1-only', 'string', ['sha1'], ['da39a3ee5e6b4b0d3255bfef95601890afd80709']),
  list('contacts', 'regex', ['email-src', 'email-dst'], ['/^(abuse|noc)@/i']),
  list('ip-strings', 'string', ['ip-dst'], ['2001:DB8:0::1']),
])
const names = (type: string, value: string, property?: string) => matcher.match(type, value, property).map((h) => h.list)

describe('cidr lists', () => {
  it('match addresses and prefixes inside a listed network, for IPv4 and IPv6', () => {
    expect(names('ipv4-addr', '10.200.0.1')).toEqual(['private'])
    expect(names('ipv4-addr', '10.0.0.0/16')).toEqual(['private'])
    expect(names('ipv4-addr', '11.0.0.1')).toEqual([])
    expect(names('ipv4-addr', '10.0.0.0/7')).toEqual([])
    expect(names('ipv6-addr', 'fe80::1')).toEqual(['private'])
    expect(names('ipv6-addr', 'febf:ffff::/32')).toEqual(['private'])
    expect(names('ipv6-addr', 'fec0::1')).toEqual([])
  })
  it('treat a bare listed address as a host prefix', () => {
    expect(names('ipv4-addr', '1.1.1.1')).toEqual(['resolvers'])
    expect(names('ipv4-addr', '1.1.1.2')).toEqual([])
    expect(names('ipv4-addr', '1.1.1.0/24')).toEqual([])
    expect(names('ipv6-addr', '2606:4700:4700::1111')).toEqual(['resolvers'])
  })
  it('report the most specific entry, once per list', () => {
    expect(matcher.match('ipv4-addr', '10.1.2.3')).toEqual([
      { list: 'private', listFile: 'private.json', entry: '10.1.0.0/16', type: 'cidr' },
    ])
    expect(matcher.match('ipv6-addr', '2001:db8::1')).toEqual([
      { list: 'private', listFile: 'private.json', entry: '2001:DB8::/32', type: 'cidr' },
      { list: 'ip-strings', listFile: 'ip-strings.json', entry: '2001:DB8:0::1', type: 'string' },
    ])
  })
  it('do not apply to other observable types', () => {
    expect(names('domain-name', '10.1.2.3')).toEqual([])
    expect(names('url', 'http://10.1.2.3/')).toEqual([])
  })
})

describe('hostname and string lists', () => {
  it('hostname entries match the name and every sub-domain', () => {
    expect(names('domain-name', 'example.com')).toEqual(['top'])
    expect(names('domain-name', 'a.b.example.com')).toEqual(['top'])
    expect(names('domain-name', 'notexample.com')).toEqual([])
  })
  it('a leading dot (or *.) means sub-domains only, in both list types', () => {
    expect(names('domain-name', 'x.only-below.org')).toEqual(['top'])
    expect(names('domain-name', 'only-below.org')).toEqual([])
    expect(names('domain-name', 'x.wild.net')).toEqual(['top'])
    expect(names('domain-name', 'wild.net')).toEqual([])
    expect(matcher.match('domain-name', 'updates.microsoft.com')).toEqual([
      { list: 'ms', listFile: 'ms.json', entry: '.microsoft.com', type: 'string' },
    ])
    expect(matcher.match('domain-name', 'microsoft.com')[0]?.entry).toBe('microsoft.com')
  })
  it('string entries are otherwise exact and case-insensitive', () => {
    expect(names('domain-name', 'tld')).toEqual(['ms'])
    expect(names('domain-name', 'a.tld')).toEqual([])
    expect(names('domain-name', 'Example.COM.')).toEqual(['top'])
  })
  it('reduce a URL to its host for lists that name hosts', () => {
    expect(names('url', 'https://user@www.example.com:8443/path?q=1')).toEqual(['top'])
    expect(names('url', 'http://a.microsoft.com/')).toEqual(['ms'])
    expect(names('url', 'www.example.com/no-scheme')).toEqual(['top'])
    expect(names('url', 'http://plain.example/')).toEqual([])
  })
  it('match a whole URL entry exactly, case-sensitively', () => {
    expect(names('url', 'https://example.net/Exact')).toEqual(['ms'])
    expect(names('url', 'https://example.net/exact')).toEqual([])
  })
})

describe('substring and regex lists', () => {
  it('substring entries match anywhere in the value', () => {
    expect(names('domain-name', 'my-sandbox.evil.test')).toEqual(['sandbox'])
    expect(names('url', 'http://x.test/SANDBOX/run')).toEqual(['sandbox'])
    expect(names('email-addr', 'sandbox@x.test')).toEqual([])
  })
  it('regex entries are translated from PCRE', () => {
    expect(names('email-addr', 'abuse@cert.example')).toEqual(['contacts'])
    expect(names('email-addr', 'NOC@cert.example')).toEqual(['contacts'])
    expect(names('email-addr', 'analyst@cert.example')).toEqual([])
  })
})

describe('file hashes', () => {
  it('match case-insensitively, narrowed by the hash property', () => {
    expect(names('file', 'd41d8cd98f00b204e9800998ecf8427e', 'hashes.MD5')).toEqual(['hashes'])
    expect(names('file', 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855', "hashes.'SHA-256'")).toEqual([
      'hashes',
    ])
    expect(names('file', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'hashes.SHA-1')).toEqual(['sha1-only'])
    expect(names('file', 'da39a3ee5e6b4b0d3255bfef95601890afd80709', 'hashes.SHA-256')).toEqual([])
    expect(names('file', 'da39a3ee5e6b4b0d3255bfef95601890afd80709')).toEqual(['sha1-only'])
  })
})

describe('WarninglistMatcher', () => {
  it('matches nothing for unknown types or lists whose attributes do not fit', () => {
    expect(names('mutex', 'example.com')).toEqual([])
    expect(names('email-addr', 'example.com')).toEqual([])
  })
  it('orders hits by list position', () => {
    const m = new WarninglistMatcher([
      list('b', 'substring', ['domain'], ['evil']),
      list('a', 'hostname', ['domain'], ['evil.test']),
    ])
    expect(m.match('domain-name', 'evil.test').map((h) => h.list)).toEqual(['b', 'a'])
  })
  it('refuses a list with an entry it cannot compile, naming file and entry', () => {
    const bad = list('bad', 'regex', ['domain'], ['/ok/', '/(?<=a)b(?>c)/'])
    expect(() => new WarninglistMatcher([bad])).toThrow(WarninglistError)
    expect(() => new WarninglistMatcher([bad])).toThrow(/^bad\.json: list\[1\]: an atomic group \(\?> at offset 8 is not supported$/)
  })
})

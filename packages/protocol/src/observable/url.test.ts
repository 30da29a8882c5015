import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { ObservableError } from './errors.js'
import { normaliseUrl } from './url.js'

describe('normaliseUrl', () => {
  it.each([
    // case of scheme and host; the path keeps its case
    ['HTTP://Example.COM/Path', 'http://example.com/Path'],
    // default ports
    ['http://example.com:80/', 'http://example.com/'],
    ['https://example.com:443/a', 'https://example.com/a'],
    ['ftp://example.com:21/f', 'ftp://example.com/f'],
    ['http://example.com:443/', 'http://example.com:443/'],
    ['https://example.com:8443/', 'https://example.com:8443/'],
    ['http://example.com:0080/', 'http://example.com/'],
    ['http://example.com:/', 'http://example.com/'],
    // empty path
    ['http://example.com', 'http://example.com/'],
    ['http://example.com?q=1', 'http://example.com/?q=1'],
    // dot segments (RFC 3986 §5.2.4)
    ['http://example.com/a/./b/../c', 'http://example.com/a/c'],
    ['http://example.com/../../x', 'http://example.com/x'],
    ['http://example.com/a/b/..', 'http://example.com/a/'],
    ['http://example.com/a/%2e%2E/b', 'http://example.com/b'],
    // '//' in paths is kept
    ['http://tp-globa.xyz//OdhLca1mLUp/bfC', 'http://tp-globa.xyz//OdhLca1mLUp/bfC'],
    ['http://example.com/a//../b', 'http://example.com/a/b'],
    // percent-encoding: upper-case hex, unreserved decoded, reserved kept encoded
    ['http://example.com/%7euser/%2f%3a', 'http://example.com/~user/%2F%3A'],
    ['http://example.com/%41%42c', 'http://example.com/ABc'],
    ['http://example.com/a b', 'http://example.com/a%20b'],
    ['http://example.com/ü', 'http://example.com/%C3%BC'],
    ['http://example.com/100%', 'http://example.com/100%25'],
    ['http://example.com/%zz', 'http://example.com/%25zz'],
    ['http://example.com/😀', 'http://example.com/%F0%9F%98%80'],
    // query kept as is ('+', '=', order, empty values), only percent-encoding normalised
    ['http://192.119.64.43/user/deposit/bmo?3zralwychvhorma=', 'http://192.119.64.43/user/deposit/bmo?3zralwychvhorma='],
    ['http://example.com/s?b=2&a=1+2&c=%7e&d=%2b', 'http://example.com/s?b=2&a=1+2&c=~&d=%2B'],
    ['http://example.com/?', 'http://example.com/?'],
    ['http://example.com/?q=a/../b', 'http://example.com/?q=a/../b'],
    // path characters '+' and '=' are kept
    [
      'https://floriventurescapital.linkpc.net/OtNEbYsGBzx/Y6XGpx9+/0KHOJIzrj_/6c77bgHY=',
      'https://floriventurescapital.linkpc.net/OtNEbYsGBzx/Y6XGpx9+/0KHOJIzrj_/6c77bgHY=',
    ],
    // fragment dropped
    ['http://example.com/a#frag', 'http://example.com/a'],
    ['http://example.com/a?x=1#frag?y', 'http://example.com/a?x=1'],
    // IDN and other hosts
    ['http://Bücher.example/', 'http://xn--bcher-kva.example/'],
    ['http://example.com./', 'http://example.com/'],
    ['http://[2001:DB8:0:0::1]:8080/x', 'http://[2001:db8::1]:8080/x'],
    ['http://[::ffff:c000:201]/', 'http://[::ffff:192.0.2.1]/'],
    ['http://0x7f.1/', 'http://127.0.0.1/'], // as a browser reads it (WHATWG IPv4 parser)
    ['http://2130706433/', 'http://127.0.0.1/'],
    ['http://ex%41mple.com/', 'http://example.com/'],
    // userinfo kept
    ['ftp://User:Pa%73s@Example.com/x', 'ftp://User:Pass@example.com/x'],
    ['http://@example.com/', 'http://example.com/'],
    // no scheme: http:// is assumed
    ['example.com/a?b', 'http://example.com/a?b'],
    ['Example.com', 'http://example.com/'],
    ['198.51.100.7:8080/x', 'http://198.51.100.7:8080/x'],
    ['example.com:8080', 'http://example.com:8080/'],
    // special schemes: backslash is a path separator
    ['http://example.com\\a\\b', 'http://example.com/a/b'],
    // other schemes with an authority
    ['TCP://Example.com:4444', 'tcp://example.com:4444/'],
    ['smb://fileserver.example/Share/x', 'smb://fileserver.example/Share/x'],
    ['file:///C:/Windows/x.exe', 'file:///C:/Windows/x.exe'],
    // URIs without authority
    ['MAILTO:a@example.com', 'mailto:a@example.com'],
    ['data:text/plain,hello%20world#x', 'data:text/plain,hello%20world'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseUrl(input)).toBe(expected)
  })

  it('keeps http and https apart', () => {
    expect(normaliseUrl('http://exodus.linkpc.net/')).not.toBe(normaliseUrl('https://exodus.linkpc.net/'))
  })

  it('is idempotent', () => {
    for (const input of ['HTTP://Ex.com:80/a/../b%7e?x=%7e#f', 'example.com/ü?q=a b', 'http://[::1]/%2f']) {
      const once = normaliseUrl(input)
      expect(normaliseUrl(once)).toBe(once)
    }
  })

  it.each([
    ['hello world', "the character ' '"],
    ['foo', 'must be a domain with a dot'],
    ['user@example.com', "may not contain '@'"],
    ['http:example.com', "needs '//'"],
    ['https:/example.com', "needs '//'"],
    ['http://', 'no host'],
    ['http:///path', 'no host'],
    ['http://exa mple.com/', "the character ' '"],
    ['http://example.com:99999/', "port '99999'"],
    ['http://example.com:8o/', "port '8o'"],
    ['http://[2001:db8::1/', "no closing ']'"],
    ['http://[2001:db8::1]x/', "only ':port'"],
    ['http://[fe80::1%25eth0]/', 'zone'],
    ['http://a..b/', 'label 2 is empty'],
    ['http://*.example.com/', "the character '*'"],
    ['mailto:', "nothing follows 'mailto:'"],
  ])('rejects %j (%s)', (input, problem) => {
    expect(() => normaliseUrl(input)).toThrow(ObservableError)
    expect(() => normaliseUrl(input)).toThrow(problem)
  })
})

interface Bundle {
  objects: { type: string; pattern?: string }[]
}

describe.skipIf(!corpusAvailable)('normaliseUrl on the ref7001 bundle (corpus)', () => {
  // Read inside beforeAll: a skipped describe still runs its body at collection time.
  let urls: string[] = []
  beforeAll(() => {
    const bundle = JSON.parse(readFileSync(corpusPath('stix-real', 'elastic-labs', 'ref7001.stix-bundle.json'), 'utf8')) as Bundle
    urls = bundle.objects
      .map((o) => /^\[url:value = '(.*)'\]$/.exec(o.pattern ?? '')?.[1])
      .filter((u): u is string => u !== undefined)
  })

  it('finds the 49 URL indicators', () => {
    expect(urls).toHaveLength(49)
  })

  it('leaves every already-normal URL unchanged and keeps distinct URLs distinct', () => {
    for (const url of urls) expect(normaliseUrl(url)).toBe(url)
    expect(new Set(urls.map(normaliseUrl)).size).toBe(new Set(urls).size)
  })

  it("keeps the '//' and trailing-slash variants and the http/https duplicates apart", () => {
    const keys = new Set(urls.map(normaliseUrl))
    expect(keys.has('http://tp-globa.xyz//OdhLca1mLUp/lZ5rZPxWsh/7yZKYQI43S/fP7savDX6c/bfC')).toBe(true)
    expect(keys.has('http://tp-globa.xyz/OdhLca1mLUp/lZ5rZPxWsh/7yZKYQI43S/fP7savDX6c/bfC')).toBe(true)
    expect(keys.has('http://exodus.linkpc.net/')).toBe(true)
    expect(keys.has('https://exodus.linkpc.net/')).toBe(true)
  })
})

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { ObservableError } from '../observable/index.js'
import { extractObservables, PatternObservableError } from './extract.js'
import { parsePattern } from './parser.js'

const SHA256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'
const keys = (src: string): string[] => extractObservables(parsePattern(src)).map((o) => o.key)

describe('extractObservables', () => {
  it('gives one key for every spelling of a SHA-256 property and either hex case', () => {
    const src = [
      `[file:hashes.'SHA-256' = '${SHA256.toUpperCase()}']`,
      `[file:hashes.SHA256 = '${SHA256}']`,
      `[file:hashes.sha256 = '${SHA256.toUpperCase()}']`,
      `[file:hashes.'sha-256' = '${SHA256}']`,
    ].join(' OR ')
    const found = extractObservables(parsePattern(src))
    expect(found).toEqual([
      { type: 'file', property: 'hashes.SHA-256', value: SHA256, key: `file:hashes.SHA-256=${SHA256}` },
    ])
  })

  it('gives one observable per operand of an OR, in pattern order', () => {
    expect(
      keys("[ipv4-addr:value = '198.51.100.1' OR domain-name:value = 'Example.COM'] OR [url:value = 'http://example.com/a']"),
    ).toEqual(['ipv4-addr:value=198.51.100.1', 'domain-name:value=example.com', 'url:value=http://example.com/a'])
  })

  it('takes the hash from a file name AND hash pattern (CISA style)', () => {
    expect(keys(`[(file:name = '123.ps1') AND file:hashes.'SHA-256' = '${SHA256.toUpperCase()}']`)).toEqual([
      `file:hashes.SHA-256=${SHA256}`,
    ])
  })

  it('ignores NOT, !=, order and string-match operators, EXISTS and non-string constants', () => {
    expect(
      keys(
        [
          "[ipv4-addr:value NOT = '10.0.0.1']",
          "[ipv4-addr:value != '10.0.0.2']",
          "[domain-name:value LIKE '%.example.com']",
          "[domain-name:value MATCHES '^a']",
          "[ipv4-addr:value ISSUPERSET '10.0.0.0/8']",
          "[ipv4-addr:value NOT ISSUBSET '10.0.0.0/8']",
          '[EXISTS url:value]',
          '[ipv4-addr:value = 1]',
          "[ipv4-addr:value > '10.0.0.3']",
        ].join(' OR '),
      ),
    ).toEqual([])
  })

  it('takes ISSUBSET on IP paths as a CIDR block, and each string of an IN set', () => {
    expect(keys("[ipv4-addr:value ISSUBSET '10.1.2.3/8' OR ipv6-addr:value ISSUBSET '2001:DB8::/32']")).toEqual([
      'ipv4-addr:value=10.0.0.0/8',
      'ipv6-addr:value=2001:db8::/32',
    ])
    expect(keys("[domain-name:value ISSUBSET 'example.com']")).toEqual([])
    expect(keys("[ipv4-addr:value IN ('10.0.0.1', 5, '10.0.0.2')]")).toEqual([
      'ipv4-addr:value=10.0.0.1',
      'ipv4-addr:value=10.0.0.2',
    ])
  })

  it('finds observables under FOLLOWEDBY, qualifiers and nested groups', () => {
    expect(
      keys("([ipv4-addr:value = '10.0.0.1'] FOLLOWEDBY ([url:value = 'http://a.example/'] REPEATS 2 TIMES)) WITHIN 60 SECONDS"),
    ).toEqual(['ipv4-addr:value=10.0.0.1', 'url:value=http://a.example/'])
  })

  it('maps e-mail references to email-addr', () => {
    expect(
      keys(
        "[email-message:from_ref.value = 'Alice@Example.com' AND email-message:to_refs[*].value = 'bob@example.org' AND email-message:cc_refs[0].value = 'carol@example.org' AND email-message:sender_ref.value = 'dave@example.org']",
      ),
    ).toEqual([
      'email-addr:value=alice@example.com',
      'email-addr:value=bob@example.org',
      'email-addr:value=carol@example.org',
      'email-addr:value=dave@example.org',
    ])
  })

  it('decides network-traffic references by the shape of the value', () => {
    expect(
      keys(
        "[network-traffic:dst_ref.value = '203.0.113.33' AND network-traffic:src_ref.value = '2001:db8::1' AND network-traffic:dst_ref.value = 'C2.Example.net' AND network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24']",
      ),
    ).toEqual([
      'ipv4-addr:value=203.0.113.33',
      'ipv6-addr:value=2001:db8::1',
      'domain-name:value=c2.example.net',
      'ipv4-addr:value=198.51.100.0/24',
    ])
  })

  it('reads registry keys and x509 certificates', () => {
    const found = keys(
      "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\Software\\\\Run'] OR [x509-certificate:serial_number = '4C:0B:1D' AND x509-certificate:hashes.sha1 = 'FD24C03F07AF1EC1271C40009FF648FDC0FD3BA8' AND x509-certificate:subject = 'CN=a' AND x509-certificate:issuer = 'CN=b']",
    )
    expect(found).toHaveLength(5)
    expect(found[0]).toMatch(/^windows-registry-key:key=/)
    expect(found.slice(1)).toEqual([
      'x509-certificate:serial_number=4c0b1d',
      'x509-certificate:hashes.SHA-1=fd24c03f07af1ec1271c40009ff648fdc0fd3ba8',
      'x509-certificate:subject=CN=a',
      'x509-certificate:issuer=CN=b',
    ])
  })

  it('ignores unsupported paths and types', () => {
    expect(
      keys(
        "[file:name = 'a.exe' OR win-registry-key:key = 'HKLM\\\\x' OR cryptocurrency-wallet:value = '1abc' OR domain-name:resolves_to_refs[*].value = '10.0.0.1' OR file:hashes[*] = 'cead3f77f6cda6ec00f57d76c9a6879f' OR ipv4-addr:value.x = 'y']",
      ),
    ).toEqual([])
  })

  it('dedupes by key, keeping the first occurrence', () => {
    expect(
      keys("[ipv4-addr:value = '10.0.0.1'] AND [ipv4-addr:value = '10.0.0.1/32'] OR [ipv4-addr:value = '10.0.0.2' OR ipv4-addr:value = '10.0.0.1']"),
    ).toEqual(['ipv4-addr:value=10.0.0.1', 'ipv4-addr:value=10.0.0.2'])
    expect(keys("[domain-name:value = 'a.example' OR domain-name:value = 'A.EXAMPLE']")).toEqual(['domain-name:value=a.example'])
  })

  it('throws PatternObservableError at the constant for an invalid value, or skips it on request', () => {
    const p = parsePattern("[domain-name:value = 'ok.example' OR ipv4-addr:value = '999.1.1.1']")
    let error: unknown
    try {
      extractObservables(p)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PatternObservableError)
    const e = error as PatternObservableError
    expect(e.name).toBe('PatternObservableError')
    expect(e.offset).toBe(55)
    expect(e.cause).toBeInstanceOf(ObservableError)
    expect(e.message).toMatch(/^pattern: at offset 55: ipv4-addr:value '999\.1\.1\.1': /)
    expect(extractObservables(p, { invalid: 'skip' }).map((o) => o.key)).toEqual(['domain-name:value=ok.example'])
  })
})

describe.skipIf(!corpusAvailable)('extractObservables on real bundles (shared corpus)', () => {
  const indicators = (file: string): Array<{ id: string; pattern: string }> =>
    (JSON.parse(readFileSync(corpusPath('stix-real', 'elastic-labs', file), 'utf8')) as { objects: Array<{ type: string; id: string; pattern: string }> }).objects.filter(
      (o) => o.type === 'indicator',
    )

  it('rustbucket: every indicator parses, and a SHA-256 OR SHA-1 OR MD5 pattern gives three hashes', () => {
    const all = indicators('rustbucket.stix-bundle.json')
    expect(all).toHaveLength(17)
    for (const i of all) expect(extractObservables(parsePattern(i.pattern)).length).toBeGreaterThan(0)
    const cert = all.find((i) => i.id === 'indicator--5a5424af-74ef-507b-be15-d8311de396be')
    expect(extractObservables(parsePattern(cert?.pattern ?? '')).map((o) => o.property)).toEqual([
      'hashes.SHA-256',
      'hashes.SHA-1',
      'hashes.MD5',
    ])
  })

  it('CISA: upper-case SHA-256 in (file:name) AND hash patterns become lower-case hash observables', () => {
    const all = indicators('cisa_sample_stix.json')
    const found = all.flatMap((i) => extractObservables(parsePattern(i.pattern)))
    expect(found).toHaveLength(18)
    expect(found.filter((o) => o.type === 'file').map((o) => o.value)).toEqual([
      'ed5d694d561c97b4d70efe934936286fe562addf7d6836f795b336d9791a5c44',
      'cc21c77e1ee7e916c9c48194fad083b2d4b2023df703e544ffb2d6a0bfc90a63',
    ])
  })
})

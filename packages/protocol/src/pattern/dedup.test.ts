import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { patternDedupKey } from './dedup.js'
import { parsePattern } from './parser.js'

const SHA256 = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'
const key = (src: string): string => patternDedupKey(parsePattern(src))

describe('patternDedupKey', () => {
  it('is the same for [a] OR [b] and [b] OR [a]', () => {
    const a = "[ipv4-addr:value = '10.0.0.1']"
    const b = "[domain-name:value = 'example.com']"
    expect(key(`${a} OR ${b}`)).toBe(key(`${b} OR ${a}`))
    expect(key(`${a} AND ${b}`)).toBe(key(`${b} AND ${a}`))
  })

  it('sorts comparison operands, at every depth', () => {
    expect(key("[a:x = 1 AND (a:z = 3 OR a:y = 2)]")).toBe(key("[(a:y = 2 OR a:z = 3) AND a:x = 1]"))
    expect(key("[file:name = 'x' AND file:size = 3]")).toBe("[file:name = 'x' AND file:size = 3]")
  })

  it('keeps FOLLOWEDBY and qualifier order', () => {
    expect(key('[a:x = 1] FOLLOWEDBY [a:y = 2]')).not.toBe(key('[a:y = 2] FOLLOWEDBY [a:x = 1]'))
    expect(key('[a:x = 1] WITHIN 5 SECONDS REPEATS 2 TIMES')).not.toBe(key('[a:x = 1] REPEATS 2 TIMES WITHIN 5 SECONDS'))
  })

  it('canonicalises hash names and hex case', () => {
    const expected = `[file:hashes.'SHA-256' = '${SHA256}']`
    expect(key(`[file:hashes.sha256 = '${SHA256.toUpperCase()}']`)).toBe(expected)
    expect(key(`[file:hashes.SHA256 = '${SHA256}']`)).toBe(expected)
    expect(key(`[file:hashes.'SHA-256' = '${SHA256.toUpperCase()}']`)).toBe(expected)
    expect(key("[file:hashes.md5 MATCHES '^ab']")).toBe("[file:hashes.MD5 MATCHES '^ab']")
  })

  it('normalises values on supported paths for =, !=, IN and IP ISSUBSET', () => {
    expect(key("[domain-name:value = 'WWW.Example.COM.']")).toBe("[domain-name:value = 'www.example.com']")
    expect(key("[domain-name:value != 'A.example']")).toBe("[domain-name:value != 'a.example']")
    expect(key("[ipv6-addr:value IN ('2001:DB8:0:0::1', '2001:db8::2')]")).toBe(
      "[ipv6-addr:value IN ('2001:db8::1', '2001:db8::2')]",
    )
    expect(key("[ipv4-addr:value ISSUBSET '10.1.2.3/8']")).toBe("[ipv4-addr:value ISSUBSET '10.0.0.0/8']")
    expect(key("[network-traffic:dst_ref.value = 'Evil.Example']")).toBe("[network-traffic:dst_ref.value = 'evil.example']")
  })

  it('leaves values of unsupported paths, string-match operators and invalid values as written', () => {
    expect(key("[file:name = 'ABC.exe']")).toBe("[file:name = 'ABC.exe']")
    expect(key("[domain-name:value LIKE 'ABC%']")).toBe("[domain-name:value LIKE 'ABC%']")
    expect(key("[ipv4-addr:value = '999.0.0.1']")).toBe("[ipv4-addr:value = '999.0.0.1']")
  })

  it('sorts and dedupes IN set members', () => {
    expect(key("[a:b IN ('y', 'x', 'y')]")).toBe(key("[a:b IN ('x', 'y')]"))
  })

  it('drops repeated operands where that keeps the meaning', () => {
    const a = "[domain-name:value = 'a.example']"
    expect(key(`${a} OR [domain-name:value = 'A.EXAMPLE']`)).toBe(key(a))
    expect(key("[a:b = 1 AND a:b = 1 AND a:c = 2]")).toBe('[a:b = 1 AND a:c = 2]')
    expect(key("[a:b = 1 OR a:b = 1] WITHIN 5 SECONDS")).toBe('[a:b = 1] WITHIN 5 SECONDS')
    // Two equal observations joined by AND may be two sightings: kept.
    expect(key(`${a} AND ${a}`)).toBe(`${a} AND ${a}`)
  })

  it('re-flattens after a collapse, so grouping does not change the key', () => {
    expect(key('[a:x = 1 AND (a:y = 2 OR a:y = 2)]')).toBe(key('[a:y = 2 AND a:x = 1]'))
    expect(key('[a:x = 1] OR ([a:y = 2] AND [a:y = 2]) OR [a:z = 3]')).toBe(key('[a:z = 3] OR [a:x = 1] OR [a:y = 2] AND [a:y = 2]'))
  })

  it('is a parseable pattern whose key is itself', () => {
    const lines = readFileSync(new URL('../../vectors/patterns/valid.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l !== '')
    for (const line of lines) {
      const k = key(line)
      expect(key(k)).toBe(k)
    }
  })
})

import { buildPattern, checkStixPattern, normaliseObservable, parsePattern, patternDedupKey } from '@certmesh/protocol'
import { describe, expect, it } from 'vitest'
import { singleObservableDedupKey } from './pipeline.js'

const cases: [string, string, string][] = [
  ['ipv4-addr', 'value', '198.51.100.7'],
  ['ipv4-addr', 'value', '10.1.2.3/8'],
  ['ipv6-addr', 'value', '2001:DB8::1/48'],
  ['domain-name', 'value', 'Bücher.example'],
  ['url', 'value', "http://evil.example/it's/a\\b?q=1+2"],
  ['email-addr', 'value', "o'brien@Example.com"],
  ['file', 'hashes.MD5', 'A'.repeat(32)],
  ['file', 'hashes.SHA-1', 'b'.repeat(40)],
  ['file', 'hashes.sha256', 'C'.repeat(64)],
  ['file', 'hashes.SHA-512', 'd'.repeat(128)],
  ['file', 'hashes.SHA3-256', 'e'.repeat(64)],
  ['file', 'hashes.SSDEEP', '3:abc:def'],
  ['file', 'hashes.TLSH', 'T1' + 'f'.repeat(70)],
  ['windows-registry-key', 'key', "HKLM\\Software\\It's"],
  ['x509-certificate', 'serial_number', '0e:97:88:1c'],
  ['x509-certificate', 'subject', "CN=O'Neil, O=Example"],
]

describe('singleObservableDedupKey', () => {
  it.each(cases)('%s %s %s: equals the protocol dedup key of the built pattern', (type, property, value) => {
    const o = normaliseObservable(type, property, value)
    const pattern = buildPattern(o)
    expect(checkStixPattern(pattern, 'stix')).toBeUndefined()
    expect(singleObservableDedupKey(pattern)).toBe(patternDedupKey(parsePattern(pattern)))
  })
})

import { describe, expect, it } from 'vitest'
import { CidrIndex, type EntryRef } from './cidr-index.js'
import { ipv6Hex, parseIpPrefix, type IpPrefix } from './ip.js'

/** Containment by comparing bit strings: slow, obviously right. */
function bits(p: IpPrefix): string {
  if (p.family === 4) return p.addr.toString(2).padStart(32, '0').slice(0, p.len)
  return [...ipv6Hex(p.addr)].map((h) => parseInt(h, 16).toString(2).padStart(4, '0')).join('').slice(0, p.len)
}
function naive(entries: string[], query: string): string[] {
  const q = parseIpPrefix(query) as IpPrefix
  return entries
    .map((entry) => ({ entry, p: parseIpPrefix(entry) as IpPrefix }))
    .filter(({ p }) => p.family === q.family && p.len <= q.len && bits(q).startsWith(bits(p)))
    .sort((a, b) => b.p.len - a.p.len)
    .map(({ entry }) => entry)
}
function indexed(index: CidrIndex, query: string): string[] {
  const out: (readonly EntryRef[])[] = []
  index.lookup(parseIpPrefix(query) as IpPrefix, out)
  return out.flat().map((r) => r.entry)
}

describe('CidrIndex', () => {
  it('finds every containing network, most specific first, at group boundaries and inside groups', () => {
    const entries = [
      '::/0', '2000::/3', '2001::/16', '2001:db8::/32', '2001:db8::/33', '2001:db8:8000::/33', '2001:db8:1::/48',
      '2001:db8:1:2::/64', '2001:db8:1:2::1', 'fe80::/10', '0.0.0.0/0', '10.0.0.0/8', '10.1.0.0/16', '10.1.2.3',
      '255.255.255.255/32', '128.0.0.0/1',
    ]
    const index = new CidrIndex()
    entries.forEach((entry, list) => index.add(parseIpPrefix(entry) as IpPrefix, { list, entry }))
    for (const q of [
      '2001:db8:1:2::1', '2001:db8:1:2::2', '2001:db8:1::/48', '2001:db8:1::/47', '2001:db8:ffff::1', '2001:db9::1',
      '3fff::1', '4000::1', 'fe80::1', 'febf::1', '::', '::/0', '10.1.2.3', '10.1.2.4', '10.2.0.0/16', '10.0.0.0/7',
      '255.255.255.255', '127.0.0.1', '0.0.0.0/0',
    ]) {
      expect([q, indexed(index, q)]).toEqual([q, naive(entries, q)])
    }
  })

  it('agrees with the naive check on random prefixes', () => {
    let seed = 7
    const rnd = (n: number) => {
      seed = (seed * 48271) % 2147483647
      return seed % n
    }
    const v6 = () => Array.from({ length: 8 }, () => (rnd(4) === 0 ? 0x2001 : rnd(4)).toString(16)).join(':')
    const entries = [...new Set(Array.from({ length: 300 }, () => {
      const p = parseIpPrefix(`${v6()}/${rnd(129)}`) as IpPrefix
      return `${ipv6Hex(p.addr as string).match(/.{4}/g)?.join(':')}/${p.len}`
    }))]
    const index = new CidrIndex()
    entries.forEach((entry, list) => index.add(parseIpPrefix(entry) as IpPrefix, { list, entry }))
    let hits = 0
    for (let i = 0; i < 300; i++) {
      const q = `${v6()}/${rnd(129)}`
      const expected = naive(entries, q)
      hits += expected.length
      expect(new Set(indexed(index, q))).toEqual(new Set(expected))
    }
    // The alphabet of groups is small on purpose, so that prefixes nest and the check has teeth.
    expect(hits).toBeGreaterThan(100)
  })
})

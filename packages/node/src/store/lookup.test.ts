import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from './open.js'
import { cidrObservable, ipv4, ipv6, newId, removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'
import type { Store } from './writer.js'

let store: Store
const ids: Record<string, string> = {}

function indicator(name: string, cidr: string): void {
  const id = newId()
  ids[name] = id
  store.put(version({ id, observables: [cidrObservable(cidr)] }))
}

beforeAll(() => {
  store = openStore(tempDbPath(), { now: () => Date.UTC(2024, 5, 1), logger: silentLogger })
  indicator('v4/8', '10.0.0.0/8')
  indicator('v4/16', '10.20.0.0/16')
  indicator('v4/24', '10.20.30.0/24')
  indicator('v4/32', '10.20.30.40')
  indicator('v4/24-other', '192.168.1.0/24')
  // Host bits set by the caller are masked by the store.
  indicator('v4/20-hostbits', '172.16.5.9/20')
  indicator('v6/32', '2001:db8::/32')
  indicator('v6/48', '2001:db8:1::/48')
  indicator('v6/128', '2001:db8:1::1')
  indicator('v6/0', '::/0')
})
afterAll(() => {
  store.close()
  removeTempDirs()
})

const names = (matches: { object: { id: string } }[]): string[] =>
  matches.map((m) => Object.keys(ids).find((k) => ids[k] === m.object.id) ?? '?').sort()

describe('lookupIp: CIDR containment', () => {
  it('finds every IPv4 network containing an address, across prefix lengths', () => {
    expect(names(store.lookupIp(4, ipv4('10.20.30.40')))).toEqual(['v4/16', 'v4/24', 'v4/32', 'v4/8'])
    expect(names(store.lookupIp(4, ipv4('10.20.30.41')))).toEqual(['v4/16', 'v4/24', 'v4/8'])
    expect(names(store.lookupIp(4, ipv4('10.20.31.1')))).toEqual(['v4/16', 'v4/8'])
    expect(names(store.lookupIp(4, ipv4('10.21.0.0')))).toEqual(['v4/8'])
    expect(names(store.lookupIp(4, ipv4('11.0.0.1')))).toEqual([])
    expect(names(store.lookupIp(4, ipv4('172.16.15.255')))).toEqual(['v4/20-hostbits'])
    expect(names(store.lookupIp(4, ipv4('172.16.16.0')))).toEqual([])
  })

  it('finds IPv6 networks, and never mixes versions', () => {
    expect(names(store.lookupIp(6, ipv6('2001:db8:1::1')))).toEqual(['v6/0', 'v6/128', 'v6/32', 'v6/48'])
    expect(names(store.lookupIp(6, ipv6('2001:db8:1:ffff::')))).toEqual(['v6/0', 'v6/32', 'v6/48'])
    expect(names(store.lookupIp(6, ipv6('2001:db9::1')))).toEqual(['v6/0'])
    expect(store.lookupIp(4, ipv4('0.0.0.0'))).toEqual([])
  })

  it('reports the matching network and prefix', () => {
    const m = store.lookupIp(4, ipv4('172.16.0.1'))[0]
    expect(m).toMatchObject({ ipVersion: 4, prefix: 20, key: 'ipv4-addr:172.16.5.9/20' })
    expect([...(m?.network ?? [])]).toEqual([172, 16, 0, 0])
  })

  it('rejects an address of the wrong length', () => {
    expect(() => store.lookupIp(4, new Uint8Array(16))).toThrow(/IPv4 address has 4 bytes, got 16/)
  })

  it('only answers with current versions', () => {
    const id = newId()
    store.put(version({ id, modified: '2024-01-01T00:00:00Z', observables: [cidrObservable('198.51.100.0/24')] }))
    expect(store.lookupIp(4, ipv4('198.51.100.7'))).toHaveLength(1)
    store.put(version({ id, modified: '2024-02-01T00:00:00Z', observables: [cidrObservable('203.0.113.0/24')] }))
    expect(store.lookupIp(4, ipv4('198.51.100.7'))).toEqual([])
    expect(store.lookupIp(4, ipv4('203.0.113.7'))[0]?.object.modified).toBe('2024-02-01T00:00:00Z')
  })
})

describe('observable keys', () => {
  const domain = (d: string) => ({ key: `domain-name:${d}`, type: 'domain-name', property: 'domain-name:value', value: d })

  it('lookupObservable answers with the current versions carrying the key', () => {
    const id = newId()
    store.put(version({ id, modified: '2024-01-01T00:00:00Z', observables: [domain('evil.example')] }))
    store.put(version({ id, modified: '2024-02-01T00:00:00Z', observables: [domain('evil.example'), domain('bad.example')] }))
    const other = version({ observables: [domain('evil.example')] })
    store.put(other)
    const hits = store.lookupObservable('domain-name:evil.example')
    expect(hits.map((h) => [h.object.id, h.object.modified])).toEqual([
      [id, '2024-02-01T00:00:00Z'],
      [other.id, '2024-01-01T00:00:00.000Z'],
    ])
    expect(hits[0]).toMatchObject({ type: 'domain-name', value: 'evil.example', property: 'domain-name:value' })
    expect(store.lookupObservable('domain-name:nothing.example')).toEqual([])
  })

  it('lookupDomainKeys batches over the variable limit and finds every hit', () => {
    const wanted: string[] = []
    const batch = []
    for (let i = 0; i < 1200; i++) {
      const d = `d${i}.batch.example`
      if (i % 3 === 0) batch.push(version({ observables: [domain(d)] }))
      wanted.push(`domain-name:${d}`)
    }
    store.putBatch(batch)
    const hits = store.lookupDomainKeys([...wanted, ...wanted.slice(0, 10)])
    expect(hits).toHaveLength(400)
    expect(new Set(hits.map((h) => h.key))).toEqual(new Set(wanted.filter((_, i) => i % 3 === 0)))
  })
})

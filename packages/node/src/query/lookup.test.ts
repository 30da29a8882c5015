import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadRequestError } from '../errors.js'
import type { Store } from '../store/index.js'
import { loadDefaultWarninglists, WarninglistMatcher } from '../warninglist/index.js'
import { Lookup, MAX_LOOKUP_VALUES } from './lookup.js'
import {
  NOW,
  openTempStore,
  preparedIdentity,
  preparedIndicator,
  preparedSighting,
  putOk,
  removeTempStores,
  signerOf,
} from './test-support.js'
import type { LookupMatch, LookupResult } from './types.js'

const self = signerOf(1)
const peer = signerOf(2)
const stranger = signerOf(3)
const SHA = 'ab'.repeat(32)

let store: Store
let lookup: Lookup
const ids: Record<string, string> = {}

function add(name: string, spec: Parameters<typeof preparedIndicator>[0]): void {
  ids[name] = putOk(store, preparedIndicator(spec)).id
}

beforeAll(async () => {
  store = openTempStore()
  putOk(store, preparedIdentity(self, 'CERT Local'))
  putOk(store, preparedIdentity(peer, 'CERT Peer', 'peer-2'))
  const later = '2026-01-01T00:00:00.000Z'
  add('ip', { signer: self, values: [['ipv4-addr', 'value', '198.51.100.7']], confidence: 80, tlp: 'amber', validUntil: later, origin: 'local' })
  add('net24', { signer: peer, values: [['ipv4-addr', 'value', '203.0.113.0/24']], origin: 'peer-2' })
  add('net16', { signer: peer, values: [['ipv4-addr', 'value', '10.20.0.0/16']] })
  add('twoNets', { signer: peer, values: [['ipv4-addr', 'value', '10.99.0.0/16'], ['ipv4-addr', 'value', '10.99.1.0/24']] })
  add('v6net', { signer: peer, values: [['ipv6-addr', 'value', '2001:db8:1::/48']] })
  add('v6host', { signer: peer, values: [['ipv6-addr', 'value', '2001:db8:2::1']] })
  add('domain', { signer: peer, values: [['domain-name', 'value', 'evil.badcorp.net']], validUntil: later })
  add('url', { signer: self, values: [['url', 'value', 'http://drop.badcorp.org/payload.exe']] })
  add('hash', { signer: peer, values: [['file', "hashes.'SHA-256'", SHA]] })
  add('revoked', { signer: peer, values: [['domain-name', 'value', 'revoked.badcorp.net']], revoked: true })
  add('expired', { signer: peer, values: [['domain-name', 'value', 'expired.badcorp.net']], validUntil: '2025-01-10T00:00:00.000Z' })
  add('future', { signer: peer, values: [['domain-name', 'value', 'future.badcorp.net']], validFrom: '2025-06-01T00:00:00.000Z' })
  add('mismatch', { signer: stranger, createdByRef: peer.identityId, values: [['domain-name', 'value', 'forged.badcorp.net']] })
  add('unsigned', { signer: null, values: [['email-addr', 'value', 'ceo@badcorp.net']], origin: 'local' })
  add('noName', { signer: stranger, values: [['domain-name', 'value', 'anon.badcorp.net']] })
  putOk(store, preparedSighting({ signer: peer, of: ids.ip as string, count: 3, lastSeen: '2025-01-12T00:00:00.000Z' }))
  putOk(store, preparedSighting({ signer: peer, of: ids.ip as string, count: 2, lastSeen: '2025-01-14T00:00:00.000Z' }))
  putOk(store, preparedSighting({ signer: self, of: ids.ip as string }))
  putOk(store, preparedSighting({ signer: self, of: ids.ip as string, count: 50, revoked: true }))
  const { lists } = await loadDefaultWarninglists()
  lookup = new Lookup({
    store,
    self: { identityId: self.identityId, publicKey: self.publicKeyB64 },
    matcher: new WarninglistMatcher(lists),
    now: () => NOW,
  })
})
afterAll(() => {
  store.close()
  removeTempStores()
})

const one = (value: string, includeInactive = false): LookupResult => {
  const r = lookup.lookup([value], { includeInactive }).results[0]
  if (r === undefined) throw new Error('no result')
  return r
}
const matched = (r: LookupResult): [string, string][] =>
  r.matches.map((m) => [Object.keys(ids).find((k) => ids[k] === m.indicator_id) ?? m.indicator_id, m.match])
const only = (r: LookupResult): LookupMatch => {
  expect(r.matches).toHaveLength(1)
  return r.matches[0] as LookupMatch
}

describe('Lookup: matching', () => {
  it('finds an address exactly and reports the normalised observable', () => {
    const r = one(' 198.51.100.7 ')
    expect(r.value).toBe(' 198.51.100.7 ')
    expect(r.observable).toEqual({ type: 'ipv4-addr', value: '198.51.100.7', key: 'ipv4-addr:value=198.51.100.7' })
    expect(r.error).toBeUndefined()
    expect(matched(r)).toEqual([['ip', 'exact']])
  })

  it('finds IPv4 addresses and blocks inside indicated networks (cidr)', () => {
    expect(matched(one('203.0.113.99'))).toEqual([['net24', 'cidr']])
    expect(matched(one('203.0.113.128/25'))).toEqual([['net24', 'cidr']])
    expect(matched(one('203.0.113.0/24'))).toEqual([['net24', 'exact']])
    // A wider block is not inside the indicated /24.
    expect(matched(one('203.0.112.0/23'))).toEqual([])
    // A block sharing its first address with an indicated, smaller network does not match it.
    expect(matched(one('10.20.0.0/15'))).toEqual([])
    expect(matched(one('10.20.0.0/16'))).toEqual([['net16', 'exact']])
    expect(matched(one('203.0.114.1'))).toEqual([])
  })

  it('finds IPv6 addresses in indicated networks and IPv6 hosts in any spelling', () => {
    expect(matched(one('2001:db8:1:ffff::5'))).toEqual([['v6net', 'cidr']])
    expect(matched(one('2001:0DB8:0002:0000:0000:0000:0000:0001'))).toEqual([['v6host', 'exact']])
    expect(matched(one('2001:db8:3::1'))).toEqual([])
  })

  it('answers once per indicator, with its most specific kind of match', () => {
    expect(matched(one('10.99.1.5'))).toEqual([['twoNets', 'cidr']])
    expect(matched(one('10.99.1.0/24'))).toEqual([['twoNets', 'exact']])
  })

  it('finds sub-domains of indicated domains (parent-domain) and the domain itself (exact)', () => {
    expect(matched(one('EVIL.badcorp.net.'))).toEqual([['domain', 'exact']])
    expect(matched(one('a.b.evil.badcorp.net'))).toEqual([['domain', 'parent-domain']])
    expect(matched(one('notevil.badcorp.net'))).toEqual([])
    expect(matched(one('badcorp.net'))).toEqual([])
  })

  it("finds URLs exactly, and by their host's indicated domain or network", () => {
    expect(matched(one('HTTP://drop.badcorp.org:80/payload.exe'))).toEqual([['url', 'exact']])
    expect(matched(one('hxxps://cdn.evil.badcorp[.]net/x?y=1'))).toEqual([['domain', 'parent-domain']])
    expect(matched(one('http://evil.badcorp.net/'))).toEqual([['domain', 'parent-domain']])
    expect(matched(one('http://203.0.113.9/gate.php'))).toEqual([['net24', 'cidr']])
    expect(matched(one('http://[2001:db8:1::9]/a'))).toEqual([['v6net', 'cidr']])
    expect(matched(one('http://drop.badcorp.org/other'))).toEqual([])
  })

  it('matches hashes case-insensitively and accepts TYPE:VALUE forms', () => {
    expect(matched(one(SHA.toUpperCase()))).toEqual([['hash', 'exact']])
    expect(one(SHA.toUpperCase()).observable?.key).toBe(`file:hashes.SHA-256=${SHA}`)
    expect(matched(one(`sha256:${SHA.toUpperCase()}`))).toEqual([['hash', 'exact']])
    expect(matched(one('domain:evil.badcorp.net'))).toEqual([['domain', 'exact']])
    expect(matched(one('ip:198.51.100.7'))).toEqual([['ip', 'exact']])
  })

  it('keeps a batch in input order, one result per value, duplicates included', () => {
    const r = lookup.lookup(['198.51.100.7', 'nothing here', '198.51.100.7'])
    expect(r.results.map((x) => x.value)).toEqual(['198.51.100.7', 'nothing here', '198.51.100.7'])
    expect(r.results.map((x) => x.matches.length)).toEqual([1, 0, 1])
  })
})

describe('Lookup: active indicators only, unless asked', () => {
  it('leaves out revoked, expired and not-yet-valid indicators by default', () => {
    expect(one('revoked.badcorp.net').matches).toEqual([])
    expect(one('x.expired.badcorp.net').matches).toEqual([])
    expect(one('future.badcorp.net').matches).toEqual([])
  })

  it('includes them with includeInactive, showing revoked and validity', () => {
    expect(only(one('revoked.badcorp.net', true)).revoked).toBe(true)
    const expired = only(one('expired.badcorp.net', true))
    expect(expired.revoked).toBe(false)
    expect(expired.valid_until).toBe('2025-01-10T00:00:00.000Z')
    expect(only(one('future.badcorp.net', true)).valid_from).toBe('2025-06-01T00:00:00.000Z')
  })
})

describe('Lookup: what a match says', () => {
  it('carries the indicator fields, from the stored JSON and columns', () => {
    const m = only(one('198.51.100.7'))
    expect(m).toMatchObject({
      indicator_id: ids.ip,
      modified: '2025-01-01T00:00:00.000Z',
      name: 'IPv4 198.51.100.7',
      pattern: "[ipv4-addr:value = '198.51.100.7']",
      match: 'exact',
      tlp: 'amber',
      confidence: 80,
      valid_from: '2025-01-01T00:00:00.000Z',
      valid_until: '2026-01-01T00:00:00.000Z',
      revoked: false,
    })
    expect(Object.keys(m)).toEqual([
      'indicator_id', 'modified', 'name', 'pattern', 'match', 'creator', 'tlp', 'confidence', 'valid_from', 'valid_until', 'revoked', 'sightings',
    ])
  })

  it('names the creator and says whether the key binding holds and whether it is this node', () => {
    expect(only(one('198.51.100.7')).creator).toEqual({ identity_id: self.identityId, name: 'CERT Local', verified: true, local: true })
    expect(only(one('evil.badcorp.net')).creator).toEqual({ identity_id: peer.identityId, name: 'CERT Peer', verified: true, local: false })
    // Signed by one key, claiming another organisation: not verified.
    expect(only(one('forged.badcorp.net')).creator).toEqual({ identity_id: peer.identityId, name: 'CERT Peer', verified: false, local: false })
    // Creator identity unknown to this node: no name.
    expect(only(one('anon.badcorp.net')).creator).toEqual({ identity_id: stranger.identityId, verified: true, local: false })
    // Unsigned objects only ever come from this node.
    expect(only(one('ceo@badcorp.net')).creator).toEqual({ verified: false, local: true })
  })

  it('counts sightings per reporter from stored sighting objects, revoked ones excluded', () => {
    expect(only(one('198.51.100.7')).sightings).toEqual({
      count: 6,
      by: [
        { identity_id: peer.identityId, name: 'CERT Peer', count: 5, last_seen: '2025-01-14T00:00:00.000Z' },
        { identity_id: self.identityId, name: 'CERT Local', count: 1 },
      ],
    })
    expect(only(one('evil.badcorp.net')).sightings).toEqual({ count: 0, by: [] })
  })

  it('sees sightings stored after an earlier lookup', () => {
    expect(only(one('evil.badcorp.net')).sightings.count).toBe(0)
    putOk(store, preparedSighting({ signer: self, of: ids.domain as string, count: 4 }))
    expect(only(one('evil.badcorp.net')).sightings).toEqual({
      count: 4,
      by: [{ identity_id: self.identityId, name: 'CERT Local', count: 4 }],
    })
  })

  it('reports warninglist hits for the value, with or without matches', () => {
    const r = one('10.20.30.40')
    expect(matched(r)).toEqual([['net16', 'cidr']])
    expect(r.warninglists).toContainEqual({ list: 'List of RFC 1918 CIDR blocks', entry: '10.0.0.0/8' })
    expect(one('192.168.1.1').warninglists).toContainEqual({ list: 'List of RFC 1918 CIDR blocks', entry: '192.168.0.0/16' })
    expect(one('evil.badcorp.net').warninglists).toEqual([])
  })
})

describe('Lookup: bad input', () => {
  it('explains values it cannot recognise, without matches', () => {
    for (const [value, message] of [
      ['', /empty/],
      ['hello world', /not a recognisable/],
      ['999.1.1.1', /999/],
      ['abcdef0123', /10 hexadecimal digits/],
      ['setup.exe', /file name/],
      ['sha256:xyz', /SHA-256/],
    ] as const) {
      const r = one(value)
      expect(r.error, value).toMatch(message)
      expect(r.observable).toBeUndefined()
      expect(r.matches).toEqual([])
      expect(r.warninglists).toEqual([])
    }
  })

  it(`refuses more than ${MAX_LOOKUP_VALUES} values`, () => {
    expect(lookup.lookup(new Array<string>(MAX_LOOKUP_VALUES).fill('x')).results).toHaveLength(MAX_LOOKUP_VALUES)
    expect(() => lookup.lookup(new Array<string>(MAX_LOOKUP_VALUES + 1).fill('x'))).toThrow(BadRequestError)
    expect(() => lookup.lookup([1 as unknown as string])).toThrow(/values\[0\] must be a string/)
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Store } from '../store/index.js'
import { Lookup } from './lookup.js'
import { NOW, openTempStore, preparedIdentity, preparedIndicator, preparedSighting, putOk, removeTempStores, signerOf } from './test-support.js'

const self = signerOf(1)
const peer = signerOf(2)
let store: Store
let lookup: Lookup

beforeAll(() => {
  store = openTempStore()
  putOk(store, preparedIdentity(peer, 'CERT Peer', 'peer-2'))
  const add = (values: [string, string, string][]) => putOk(store, preparedIndicator({ signer: peer, values })).id
  const host = add([['ipv4-addr', 'value', '198.51.100.7']])
  add([['ipv4-addr', 'value', '198.51.100.0/24']])
  add([['ipv4-addr', 'value', '10.99.0.0/16'], ['ipv4-addr', 'value', '10.99.1.0/24']])
  add([['ipv6-addr', 'value', '2001:db8:1::/48']])
  add([['domain-name', 'value', 'evil.badcorp.net']])
  putOk(store, preparedSighting({ signer: peer, of: host, count: 3 }))
  lookup = new Lookup({ store, self: { identityId: self.identityId, publicKey: self.publicKeyB64 }, now: () => NOW })
})
afterAll(() => {
  store.close()
  removeTempStores()
})

describe('Lookup: a batch answers like single lookups', () => {
  it('gives every value of a batch (IPs fetched together) the answer it gets alone', () => {
    const values = ['198.51.100.7', '198.51.100.8', '10.99.1.5', '10.99.2.5', '198.51.100.0/25', '2001:db8:1::5', '2001:db8:2::5', 'www.evil.badcorp.net', '198.51.100.7', 'not a value', '8.8.8.8']
    const batch = lookup.lookup(values).results
    expect(batch).toHaveLength(values.length)
    values.forEach((v, i) => expect(batch[i]).toEqual(lookup.lookup([v]).results[0]))
    expect(batch[0]!.matches.map((m) => m.match).sort()).toEqual(['cidr', 'exact'])
    expect(batch[0]!.matches.find((m) => m.match === 'exact')?.sightings.count).toBe(3)
    expect(batch[2]!.matches.map((m) => m.match)).toEqual(['cidr'])
    expect(batch[5]!.matches).toHaveLength(1)
  })
})

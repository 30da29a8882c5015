import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadRequestError, NotFoundError } from '../errors.js'
import type { Store } from '../store/index.js'
import { openTempStore, preparedIdentity, preparedIndicator, putOk, removeTempStores, signerOf } from './test-support.js'
import { objectVersions } from './versions.js'

const self = signerOf(1)
const peer = signerOf(2)
const selfId = { identityId: self.identityId, publicKey: self.publicKeyB64 }
const MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/

let store: Store
beforeAll(() => {
  store = openTempStore()
})
afterAll(() => {
  store.close()
  removeTempStores()
})

describe('objectVersions', () => {
  it('lists every version oldest first, with date_added in microseconds and the parsed object', () => {
    const id = `indicator--${randomUUID()}`
    const v1 = putOk(store, preparedIndicator({ id, signer: peer, values: [['domain-name', 'value', 'a.badcorp.net']], origin: 'peer-2' }))
    const v2 = putOk(
      store,
      preparedIndicator({ id, signer: peer, values: [['domain-name', 'value', 'a.badcorp.net']], modified: '2025-01-02T00:00:00.000Z', origin: 'peer-2', confidence: 90 }),
    )
    const r = objectVersions(store, id, selfId)
    expect(r.id).toBe(id)
    expect(r.versions.map((v) => v.modified)).toEqual(['2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'])
    for (const [i, v] of r.versions.entries()) {
      expect(v.date_added).toMatch(MICROS)
      expect(v).toMatchObject({ status: 'valid', revoked: false, signer: peer.publicKeyB64, verified: true, origin: 'peer-2' })
      expect(v.object).toEqual(JSON.parse([v1, v2][i]?.json ?? ''))
    }
    const stored = store.versions(id)
    const micros = BigInt(stored[0]?.dateAdded ?? 0)
    expect(Date.parse(r.versions[0]?.date_added ?? '') * 1000).toBe(Number(micros - (micros % 1000n)))
    expect(r.versions[0]?.date_added.slice(20, 26)).toBe(String(micros % 1_000_000n).padStart(6, '0'))
  })

  it('shows both bodies of an equivocation as quarantined', () => {
    const id = `indicator--${randomUUID()}`
    putOk(store, preparedIndicator({ id, signer: peer, values: [['domain-name', 'value', 'b.badcorp.net']] }))
    const later = '2025-01-03T00:00:00.000Z'
    putOk(store, preparedIndicator({ id, signer: peer, values: [['domain-name', 'value', 'b.badcorp.net']], modified: later, description: 'one' }))
    const r2 = store.put(preparedIndicator({ id, signer: peer, values: [['domain-name', 'value', 'b.badcorp.net']], modified: later, description: 'two' }))
    expect(r2.status).toBe('rejected')
    const r = objectVersions(store, id)
    expect(r.versions.map((v) => [v.modified, v.status])).toEqual([
      ['2025-01-01T00:00:00.000Z', 'valid'],
      [later, 'quarantined'],
      [later, 'quarantined'],
    ])
    expect(r.versions.slice(1).map((v) => (v.object as { description?: string }).description).sort()).toEqual(['one', 'two'])
  })

  it('marks unsigned and badly bound versions as not verified, and revocations as revoked', () => {
    const unsigned = putOk(store, preparedIndicator({ signer: null, values: [['url', 'value', 'http://c.badcorp.net/']] }))
    const u = objectVersions(store, unsigned.id, selfId).versions[0]
    expect(u).toMatchObject({ verified: false, origin: 'local' })
    expect(u && 'signer' in u).toBe(false)

    const forged = putOk(store, preparedIndicator({ signer: self, createdByRef: peer.identityId, values: [['url', 'value', 'http://d.badcorp.net/']] }))
    expect(objectVersions(store, forged.id, selfId).versions[0]?.verified).toBe(false)

    const id = `indicator--${randomUUID()}`
    putOk(store, preparedIndicator({ id, signer: self, values: [['url', 'value', 'http://e.badcorp.net/']] }))
    putOk(store, preparedIndicator({ id, signer: self, values: [['url', 'value', 'http://e.badcorp.net/']], modified: '2025-01-05T00:00:00.000Z', revoked: true }))
    expect(objectVersions(store, id, selfId).versions.map((v) => v.revoked)).toEqual([false, true])
  })

  it('verifies a self-signed identity by its key-bound id', () => {
    putOk(store, preparedIdentity(peer, 'CERT Peer'))
    expect(objectVersions(store, peer.identityId).versions[0]).toMatchObject({ verified: true, signer: peer.publicKeyB64 })
  })

  it('says not found for an unknown id and bad request for a malformed one', () => {
    const unknown = `indicator--${randomUUID()}`
    expect(() => objectVersions(store, unknown)).toThrow(NotFoundError)
    expect(() => objectVersions(store, unknown)).toThrow(unknown)
    expect(() => objectVersions(store, 'indicator-1234')).toThrow(BadRequestError)
    expect(() => objectVersions(store, 'indicator-1234')).toThrow(/'<type>--<uuid>'/)
    expect(() => objectVersions(store, 'indicator--not-a-uuid')).toThrow(/UUID/)
  })
})

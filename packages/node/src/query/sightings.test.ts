import { randomUUID } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../store/index.js'
import { SightingIndex } from './sightings.js'
import { openTempStore, preparedIndicator, preparedSighting, putOk, removeTempStores, signerOf } from './test-support.js'

const peer = signerOf(2)
const self = signerOf(1)
const IND = `indicator--${randomUUID()}`
const noNames = (): undefined => undefined

let store: Store
beforeEach(() => {
  store = openTempStore()
})
afterEach(() => {
  store.close()
  removeTempStores()
})

describe('SightingIndex', () => {
  it('reads only what was added since the last refresh, and totals per reporter', () => {
    const index = new SightingIndex(store)
    index.refresh()
    expect(index.summary(IND, noNames)).toEqual({ count: 0, by: [] })
    putOk(store, preparedSighting({ signer: peer, of: IND, count: 2, lastSeen: '2025-01-03T00:00:00Z' }))
    putOk(store, preparedSighting({ signer: self, of: IND }))
    expect(index.summary(IND, noNames).count).toBe(0) // not refreshed yet
    index.refresh()
    expect(index.summary(IND, (id) => (id === peer.identityId ? 'CERT Peer' : undefined))).toEqual({
      count: 3,
      by: [
        { identity_id: peer.identityId, name: 'CERT Peer', count: 2, last_seen: '2025-01-03T00:00:00Z' },
        { identity_id: self.identityId, count: 1 },
      ],
    })
  })

  it('keeps the latest version of a sighting, whatever order versions arrive in', () => {
    const id = `sighting--${randomUUID()}`
    putOk(store, preparedSighting({ signer: peer, of: IND, id, count: 5, modified: '2025-01-11T00:00:00.000Z' }))
    const index = new SightingIndex(store)
    index.refresh()
    expect(index.summary(IND, noNames).count).toBe(5)
    // An older version stored later is history: it must not replace the newer count.
    const older = store.put(preparedSighting({ signer: peer, of: IND, id, count: 1, modified: '2025-01-10T00:00:00.000Z' }))
    expect(older.status).toBe('older-version')
    index.refresh()
    expect(index.summary(IND, noNames).count).toBe(5)
    putOk(store, preparedSighting({ signer: peer, of: IND, id, count: 9, modified: '2025-01-12T00:00:00.000Z' }))
    index.refresh()
    expect(index.summary(IND, noNames).count).toBe(9)
    putOk(store, preparedSighting({ signer: peer, of: IND, id, count: 9, modified: '2025-01-13T00:00:00.000Z', revoked: true }))
    index.refresh()
    expect(index.summary(IND, noNames)).toEqual({ count: 0, by: [] })
  })

  it('skips past other objects between refreshes without losing later sightings', () => {
    const index = new SightingIndex(store)
    putOk(store, preparedSighting({ signer: peer, of: IND, count: 1 }))
    index.refresh()
    for (let i = 0; i < 3; i++) putOk(store, preparedIndicator({ signer: peer, values: [['domain-name', 'value', `n${i}.badcorp.net`]] }))
    index.refresh()
    putOk(store, preparedSighting({ signer: peer, of: IND, count: 2 }))
    index.refresh()
    expect(index.summary(IND, noNames).count).toBe(3)
  })
})

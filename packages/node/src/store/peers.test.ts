import { afterEach, describe, expect, it } from 'vitest'
import { CounterBook } from '../sync/counters.js'
import { openStore } from './open.js'
import { removeTempDirs, tempDbPath } from './test-support.js'

afterEach(removeTempDirs)

const peer = { peerId: '12D3KooWtest', publicKey: 'k', multiaddrs: ['/ip4/192.0.2.1/tcp/4001/p2p/12D3KooWtest'], name: 'N', amber: false, addedAt: 1000 }

describe('peer table (migration 003)', () => {
  it('adds, updates without losing counters, and removes', () => {
    const path = tempDbPath()
    const store = openStore(path)
    expect(store.peers.upsert(peer)).toBe('added')
    const book = new CounterBook()
    book.received(peer.peerId, 5)
    book.sent(peer.peerId, 2)
    book.rejected(peer.peerId, 'bad-signature')
    book.rejected(peer.peerId, 'bad-signature')
    book.synced(peer.peerId, 2000)
    book.error(peer.peerId, 'boom', 2100)
    book.received('unknown-peer', 1) // counters of a removed peer are dropped, not errors
    expect(book.merged(store.peers.get(peer.peerId)!)).toMatchObject({ received: 5, rejected: { 'bad-signature': 2 } })
    book.flush(store.peers)
    book.rejected(peer.peerId, 'tlp-red')
    book.flush(store.peers)
    expect(store.peers.upsert({ ...peer, amber: true, name: 'M', addedAt: 9999 })).toBe('updated')
    store.close()

    const again = openStore(path)
    expect(again.peers.get(peer.peerId)).toEqual({
      ...peer,
      amber: true,
      name: 'M',
      received: 5,
      sent: 2,
      rejected: { 'bad-signature': 2, 'tlp-red': 1 },
      lastSync: 2000,
      lastError: 'boom',
      lastErrorAt: 2100,
    })
    expect(again.peers.remove(peer.peerId)).toBe(true)
    expect(again.peers.remove(peer.peerId)).toBe(false)
    expect(again.peers.list()).toEqual([])
    again.close()
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PreparedVersion, Store } from '../store/index.js'
import { exportChunks } from './export.js'
import { NOW, openTempStore, preparedIndicator, putOk, removeTempStores, signerOf } from './test-support.js'

const peer = signerOf(2)
const N = 1500
let store: Store

beforeAll(() => {
  store = openTempStore()
  const batch: PreparedVersion[] = []
  for (let i = 0; i < N; i++) {
    batch.push(preparedIndicator({ signer: peer, values: [['domain-name', 'value', `host-${i}.a-rather-long-name.badcorp.net`]] }))
  }
  store.putBatch(batch)
})
afterAll(() => {
  store.close()
  removeTempStores()
})

describe('export streaming', () => {
  for (const format of ['txt', 'csv', 'stix'] as const) {
    it(`${format}: leaves the connection usable between chunks (the HTTP layer pulls asynchronously)`, () => {
      const it = exportChunks(store, { format, now: NOW }).chunks[Symbol.iterator]()
      const first = it.next()
      expect(first.done).toBe(false)
      // With a better-sqlite3 statement left open across chunks, the write would throw "connection is busy".
      expect(store.lookupObservable('domain-name:value=host-7.a-rather-long-name.badcorp.net')).toHaveLength(1)
      putOk(store, preparedIndicator({ signer: peer, values: [['domain-name', 'value', `late-${format}.badcorp.net`]] }))
      let body = first.value as string
      for (let r = it.next(); r.done !== true; r = it.next()) body += r.value
      expect(body.split('host-').length - 1).toBeGreaterThanOrEqual(N)
    })
  }
})

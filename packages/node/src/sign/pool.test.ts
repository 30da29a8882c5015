import { randomBytes } from 'node:crypto'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { POOL_MIN_BATCH, SigningPool } from './pool.js'

const seed = new Uint8Array(32).map((_, i) => 200 - i)
const local = (m: Uint8Array): Uint8Array => nodeEd25519.sign(m, seed)

describe('SigningPool', () => {
  const pool = new SigningPool(seed, local, 2)
  afterAll(() => pool.close())

  it('returns, in order, exactly the signatures of the calling thread, for a batch shared with workers', () => {
    const messages = Array.from({ length: 301 }, (_, i) => new Uint8Array(randomBytes(i % 7 === 0 ? 0 : 50 + (i % 900))))
    const got = pool.signAll(messages)
    expect(got).toHaveLength(messages.length)
    got.forEach((sig, i) => expect(Buffer.from(sig).toString('hex'), `message ${i}`).toBe(Buffer.from(local(messages[i] as Uint8Array)).toString('hex')))
    // Twice: the started workers are reused.
    expect(pool.signAll(messages.slice(0, POOL_MIN_BATCH + 1)).map((s) => s.length)).toEqual(new Array(POOL_MIN_BATCH + 1).fill(64))
  })

  it('begin() signs on the workers while the caller goes on, with the same signatures', () => {
    const a = Array.from({ length: 200 }, (_, i) => new TextEncoder().encode(`{"i":${i}}`))
    const b = Array.from({ length: 3 }, (_, i) => new TextEncoder().encode(`{"j":${i}}`))
    const pa = pool.begin(a)
    const pb = pool.begin(b)
    expect(pb.wait()).toEqual(b.map(local))
    expect(pa.wait()).toEqual(a.map(local))
  })

  it('keeps jobs apart when more are in flight than buffer sets are kept, and reuses buffers after', () => {
    const job = (k: number) => Array.from({ length: 100 + k * 50 }, (_, i) => new TextEncoder().encode(`{"job":${k},"i":${i}}`))
    for (let round = 0; round < 3; round++) {
      const jobs = [0, 1, 2, 3].map(job)
      const pending = jobs.map((j) => pool.begin(j))
      // Collected out of order on purpose.
      for (const k of [2, 0, 3, 1]) expect(pending[k]?.wait(), `round ${round} job ${k}`).toEqual(jobs[k]?.map(local))
    }
  })

  it('signs small batches and an empty one on the calling thread', () => {
    expect(pool.signAll([])).toEqual([])
    const m = new TextEncoder().encode('{"a":1}')
    expect(pool.signAll([m])).toEqual([local(m)])
  })

  it('with size 0 never starts a worker and still signs', () => {
    const none = new SigningPool(seed, local, 0)
    const messages = Array.from({ length: POOL_MIN_BATCH * 2 }, (_, i) => new Uint8Array([i]))
    expect(none.signAll(messages)).toEqual(messages.map(local))
  })
})

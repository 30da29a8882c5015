import { randomBytes } from 'node:crypto'
import { canonicalize } from '@certmesh/protocol'
import { afterAll, describe, expect, it } from 'vitest'
import { NodeSigner } from '../sign/signer.js'
import { checkObjectText } from './verify.js'
import { INLINE_SHARE_STEP, MAX_INLINE_SHARE, VerifyPool } from './verify-pool.js'

const s = new NodeSigner(new Uint8Array(randomBytes(32)))

describe('verify pool (worker threads)', () => {
  const pool = new VerifyPool(2)
  const shared = new VerifyPool(1, 0.5)
  afterAll(async () => {
    await pool.close()
    await shared.close()
  })

  it('gives exactly the results of the inline checks, in order', async () => {
    const good = (i: number) =>
      canonicalize(
        s.sign({
          type: 'indicator',
          spec_version: '2.1',
          id: `indicator--0b2e6c4e-7f3a-4d6e-9c1b-${String(i).padStart(12, '0')}`,
          created: '2026-01-01T00:00:00.000Z',
          modified: '2026-01-01T00:00:00.000Z',
          created_by_ref: s.identityId,
          pattern: "[ipv4-addr:value = '198.51.100.1']",
          pattern_type: 'stix',
          valid_from: '2026-01-01T00:00:00.000Z',
        }),
      )
    const texts = Array.from({ length: 50 }, (_, i) => good(i))
    texts[7] = texts[7]!.replace('198.51.100.1', '198.51.100.2')
    texts[9] = '{"broken'
    const [a, b] = await Promise.all([pool.check(texts), pool.check(texts.slice(0, 10))])
    expect(a).toEqual(texts.map(checkObjectText))
    expect(b).toEqual(texts.slice(0, 10).map(checkObjectText))
    expect(a[7]).toMatchObject({ ok: false, reason: 'bad-signature' })
    expect(a[9]).toMatchObject({ ok: false, reason: 'malformed' })
    expect(a.filter((r) => r.ok)).toHaveLength(48)
    // Half checked by the worker, half by this thread: the same answers at the same places.
    const c = await shared.check(texts.slice(0, 10))
    expect(c).toEqual(texts.slice(0, 10).map(checkObjectText))
    expect(c[7]).toMatchObject({ ok: false, reason: 'bad-signature' })
    expect(c[9]).toMatchObject({ ok: false, reason: 'malformed' })

    // The worker's part is posted before this thread checks its own, not after it.
    const pending = shared.check(texts)
    expect(shared.inFlight).toBe(1)
    expect(await pending).toEqual(texts.map(checkObjectText))
    expect(shared.inFlight).toBe(0)
  })

  it('answers checks asked for before its worker has started, and says when it is ready', async () => {
    const fresh = new VerifyPool(1)
    try {
      const texts = ['{"broken', '[]']
      const early = fresh.check(texts)
      expect(fresh.inFlight).toBe(1)
      await fresh.ready()
      expect(await early).toEqual(texts.map(checkObjectText))
      expect(fresh.inFlight).toBe(0)
    } finally {
      await fresh.close()
    }
  })

  it('moves its share towards the side that waits, within [0, MAX_INLINE_SHARE]', () => {
    expect(pool.inlineShare).toBe(0)
    pool.balance(false)
    expect(pool.inlineShare).toBe(0)
    for (let i = 0; i < 3; i++) pool.balance(true)
    expect(pool.inlineShare).toBeCloseTo(3 * INLINE_SHARE_STEP, 10)
    for (let i = 0; i < 100; i++) pool.balance(true)
    expect(pool.inlineShare).toBe(MAX_INLINE_SHARE)
    pool.balance(false)
    expect(pool.inlineShare).toBeCloseTo(MAX_INLINE_SHARE - INLINE_SHARE_STEP, 10)
    for (let i = 0; i < 100; i++) pool.balance(false)
    expect(pool.inlineShare).toBe(0)
  })

  it('keeps a share it was given', () => {
    shared.balance(true)
    shared.balance(false)
    shared.balance(false)
    expect(shared.inlineShare).toBe(0.5)
  })

  it('refuses a share of the checks outside [0, 1)', () => {
    expect(() => new VerifyPool(1, 1)).toThrow('inline share must be in [0, 1), got 1')
  })
})

import * as ed from '@noble/ed25519'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { nobleEd25519 } from './noble.js'
import { hasCanonicalS, hasNonCanonicalY, isRefusedPointEncoding, SMALL_ORDER_ENCODINGS } from './public-key-checks.js'
import { ORDER_8_POINT, withUnreducedS } from './testing/forge.js'

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'))

describe('public-key checks', () => {
  it('are the ten encodings docs/protocol.md §3.5 lists, in its order', () => {
    const doc = readFileSync(new URL('../../../../docs/protocol.md', import.meta.url), 'utf8')
    const section = doc.slice(doc.indexOf('### 3.5'), doc.indexOf('### 3.6'))
    expect(section.match(/^ {3}[0-9a-f]{64}$/gm)?.map((l) => l.trim())).toEqual([...SMALL_ORDER_ENCODINGS])
  })

  it('lists exactly the multiples of an order-8 point plus the two x = 0 sign-bit variants', () => {
    const multiples: string[] = []
    let q = ed.Point.ZERO
    for (let i = 0; i < 8; i++) {
      multiples.push(q.toHex())
      expect(q.isSmallOrder()).toBe(true)
      q = q.add(ORDER_8_POINT)
    }
    expect(q.is0()).toBe(true)
    expect(new Set(multiples).size).toBe(8)
    const signBit = multiples.filter((h) => ed.Point.fromHex(h).x === 0n).map((h) => {
      const b = unhex(h)
      b[31]! |= 0x80
      return hex(b)
    })
    expect([...SMALL_ORDER_ENCODINGS].sort()).toEqual([...multiples, ...signBit].sort())
  })

  it('refuses every small-order encoding and agrees with strict noble decoding', () => {
    for (const h of SMALL_ORDER_ENCODINGS) {
      expect(isRefusedPointEncoding(unhex(h)), h).toBe(true)
      let nobleRefuses = true
      try {
        nobleRefuses = ed.Point.fromBytes(unhex(h), false).isSmallOrder()
      } catch {
        nobleRefuses = true
      }
      expect(nobleRefuses, h).toBe(true)
    }
  })

  it('detects y >= p exactly at the boundary', () => {
    const pMinus1 = unhex('ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')
    const p = unhex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f')
    const pWithSign = unhex('edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff')
    expect(hasNonCanonicalY(pMinus1)).toBe(false)
    expect(hasNonCanonicalY(p)).toBe(true)
    expect(hasNonCanonicalY(pWithSign)).toBe(true)
    expect(hasNonCanonicalY(unhex('eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f'))).toBe(true)
    expect(hasNonCanonicalY(unhex('edfffffffffffffffffffffffffffffffffffffffffffffffffffffffeffff7f'))).toBe(false)
  })

  it('accepts real public keys', () => {
    for (let i = 0; i < 20; i++) {
      expect(isRefusedPointEncoding(nobleEd25519.getPublicKey(new Uint8Array(randomBytes(32))))).toBe(false)
    }
    expect(isRefusedPointEncoding(new Uint8Array(31))).toBe(true)
  })

  it('checks S < L', () => {
    const seed = new Uint8Array(32).fill(7)
    const sig = nobleEd25519.sign(Uint8Array.of(1, 2, 3), seed)
    expect(hasCanonicalS(sig)).toBe(true)
    expect(hasCanonicalS(withUnreducedS(sig))).toBe(false)
    const lMinus1 = unhex('ecd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010')
    const l = unhex('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010')
    expect(hasCanonicalS(new Uint8Array([...new Uint8Array(32), ...lMinus1]))).toBe(true)
    expect(hasCanonicalS(new Uint8Array([...new Uint8Array(32), ...l]))).toBe(false)
    expect(hasCanonicalS(new Uint8Array(63))).toBe(false)
  })
})

import * as ed from '@noble/ed25519'
import { sha512 } from '@noble/hashes/sha2.js'

// Test support only (not exported from the package): builds the adversarial signatures
// that separate verification rules, for the Ed25519 tests and the golden vectors.

ed.hashes.sha512 = sha512
const { Point } = ed
const L = Point.CURVE().n

/** A point of order 8 (RFC 8032 curve); its multiples are all the small-order points. */
export const ORDER_8_POINT = Point.fromHex('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05')

function le(bytes: Uint8Array): bigint {
  let n = 0n
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!)
  return n
}

function toLe32(n: bigint): Uint8Array {
  const out = new Uint8Array(32)
  for (let i = 0; i < 32; i++) {
    out[i] = Number(n & 0xffn)
    n >>= 8n
  }
  return out
}

/** For a small-order "public key" Q with [k]Q = O, R = [S]B verifies cofactorlessly for any message. */
export function forgeForSmallOrderKey(): { publicKey: Uint8Array; signature: Uint8Array } {
  const s = 0x1234567n
  const publicKey = Point.ZERO.toBytes()
  return { publicKey, signature: ed.etc.concatBytes(Point.BASE.multiply(s).toBytes(), toLe32(s)) }
}

/**
 * A signature by the real key whose R carries a small-order component: the cofactored
 * equation accepts it, the cofactorless one (certmesh's rule) rejects it.
 */
export function signWithMixedOrderR(message: Uint8Array, seed: Uint8Array): Uint8Array {
  const { scalar, pointBytes } = ed.utils.getExtendedPublicKey(seed)
  const r = ed.etc.mod(le(sha512(ed.etc.concatBytes(seed, message))), L)
  const R = Point.BASE.multiply(r).add(ORDER_8_POINT).toBytes()
  const k = ed.etc.mod(le(sha512(ed.etc.concatBytes(R, pointBytes, message))), L)
  const S = ed.etc.mod(r + k * scalar, L)
  return ed.etc.concatBytes(R, toLe32(S))
}

/**
 * A signature by the real key whose R is the identity point (small order): S = k·a makes
 * [S]B − [k]A = O, so the cofactorless equation holds, but certmesh refuses a small-order R
 * (as libsodium does). Only the key's holder can make one.
 */
export function signWithSmallOrderR(message: Uint8Array, seed: Uint8Array): Uint8Array {
  const { scalar, pointBytes } = ed.utils.getExtendedPublicKey(seed)
  const R = Point.ZERO.toBytes()
  const k = ed.etc.mod(le(sha512(ed.etc.concatBytes(R, pointBytes, message))), L)
  return ed.etc.concatBytes(R, toLe32(ed.etc.mod(k * scalar, L)))
}

/**
 * A mixed-order public key A' = [a]B + [j]T (T of order 8) and a signature by its holder
 * whose R is a small-order point other than the identity, with S = k·a so that
 * [S]B − [k]A' = −[k·j]T: for some j and R this equals R and the cofactorless equation
 * holds (each pair has a 1 in 8 chance; the search is deterministic). OpenSSL accepts it;
 * certmesh refuses it by step 5 of its rule.
 */
export function signWithSmallOrderRForMixedKey(message: Uint8Array, seed: Uint8Array): { publicKey: Uint8Array; signature: Uint8Array } {
  const { scalar } = ed.utils.getExtendedPublicKey(seed)
  for (let j = 1n; j < 8n; j++) {
    const key = Point.BASE.multiply(scalar).add(ORDER_8_POINT.multiply(j))
    const publicKey = key.toBytes()
    for (let i = 1n; i < 8n; i++) {
      const R = ORDER_8_POINT.multiply(i).toBytes()
      const k = ed.etc.mod(le(sha512(ed.etc.concatBytes(R, publicKey, message))), L)
      const S = ed.etc.mod(k * scalar, L)
      const lhs = Point.BASE.multiply(S, false).subtract(key.multiply(k, false))
      if (lhs.toHex() === Point.fromBytes(R).toHex()) return { publicKey, signature: ed.etc.concatBytes(R, toLe32(S)) }
    }
  }
  throw new Error('no mixed-order key and small-order R satisfied the equation for this message')
}

/** The same signature with S replaced by S + L: equal modulo L, so only the S < L check stops it. */
export function withUnreducedS(signature: Uint8Array): Uint8Array {
  const s = le(signature.subarray(32)) + L
  return ed.etc.concatBytes(signature.slice(0, 32), toLe32(s))
}

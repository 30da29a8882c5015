import * as ed from '@noble/ed25519'
import { sha512 } from '@noble/hashes/sha2.js'
import { assertSeed, ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, type Ed25519 } from './ed25519.js'
import { isRefusedPointEncoding } from './public-key-checks.js'

// @noble/ed25519 v3 ships only WebCrypto's async SHA-512; its synchronous API needs a
// hash installed here. Setting the same pure function again elsewhere is harmless.
ed.hashes.sha512 = sha512

const { Point } = ed
const L = Point.CURVE().n

function littleEndianToBigInt(bytes: Uint8Array): bigint {
  let n = 0n
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]!)
  return n
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

/**
 * The certmesh verification rule (docs/protocol.md §3.5) on noble's point arithmetic.
 * noble's own verify checks the cofactored equation [8]SB = [8]R + [8]kA; OpenSSL and
 * libsodium check the cofactorless [S]B = R + [k]A by re-encoding. RFC 8032 §5.1.7 allows
 * either, but they disagree on signatures whose R has a small-order component, and two
 * certmesh nodes must never disagree about an object, so all implementations use the
 * cofactorless form with strict decoding of A, and refuse a small-order R (as libsodium
 * does; only a signer holding the key can make one whose equation holds).
 */
function verifyStrict(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) return false
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false
  if (!(message instanceof Uint8Array)) return false
  const r = signature.subarray(0, 32)
  const s = littleEndianToBigInt(signature.subarray(32))
  if (s >= L || isRefusedPointEncoding(r)) return false
  let A: InstanceType<typeof Point>
  try {
    // zip215 = false: reject y >= p and x = 0 with the sign bit set (RFC 8032 §5.1.3).
    A = Point.fromBytes(publicKey, false)
  } catch {
    return false
  }
  if (A.isSmallOrder()) return false
  const k = ed.etc.mod(littleEndianToBigInt(sha512(ed.etc.concatBytes(r, publicKey, message))), L)
  const expectedR = Point.BASE.multiply(s, false).subtract(A.multiply(k, false))
  return equalBytes(expectedR.toBytes(), r)
}

/** Pure-JS Ed25519 (RFC 8032) from @noble/ed25519; works in every JS runtime. */
export const nobleEd25519: Ed25519 = {
  name: 'noble',
  getPublicKey(seed) {
    assertSeed(seed, 'noble')
    return ed.getPublicKey(seed)
  },
  sign(message, seed) {
    assertSeed(seed, 'noble')
    return ed.sign(message, seed)
  },
  verify: verifyStrict,
}

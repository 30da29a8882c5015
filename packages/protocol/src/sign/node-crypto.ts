import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto'
import { assertSeed, ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, type Ed25519 } from './ed25519.js'
import { hasCanonicalS, isRefusedPointEncoding } from './public-key-checks.js'

// Node-only: exported through the `@certmesh/protocol/node-crypto` subpath, never from the
// package index, so the protocol package stays usable outside Node.

// DER prefixes that wrap a raw Ed25519 key (RFC 8410 §7 PKCS#8, §4 SubjectPublicKeyInfo).
const PKCS8_PREFIX = Uint8Array.from([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
])
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00])

/** Entries kept per cache; a node verifies for a bounded set of peers and signs with one key. */
export const KEY_CACHE_LIMIT = 1024

/** A Map used as a small LRU: a hit is moved to the back, the front is evicted. */
class KeyCache<V> {
  private readonly entries = new Map<string, V>()

  constructor(private readonly limit: number) {}

  get(key: string, create: () => V): V {
    const hit = this.entries.get(key)
    if (hit !== undefined) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      return hit
    }
    const value = create()
    this.entries.set(key, value)
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next()
      if (oldest.done !== true) this.entries.delete(oldest.value)
    }
    return value
  }

  get size(): number {
    return this.entries.size
  }
}

const privateKeys = new KeyCache<{ key: KeyObject; publicKey: Uint8Array }>(KEY_CACHE_LIMIT)
const publicKeys = new KeyCache<KeyObject | null>(KEY_CACHE_LIMIT)

function hexOf(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')
}

function privateKeyFor(seed: Uint8Array): { key: KeyObject; publicKey: Uint8Array } {
  assertSeed(seed, 'node-crypto')
  return privateKeys.get(hexOf(seed), () => {
    const key = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' })
    const spki = createPublicKey(key).export({ format: 'der', type: 'spki' })
    return { key, publicKey: new Uint8Array(spki.subarray(SPKI_PREFIX.length)) }
  })
}

// null caches "OpenSSL cannot decode this key" as well as keys certmesh refuses.
function publicKeyFor(publicKey: Uint8Array): KeyObject | null {
  return publicKeys.get(hexOf(publicKey), () => {
    if (isRefusedPointEncoding(publicKey)) return null
    try {
      return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, publicKey]), format: 'der', type: 'spki' })
    } catch {
      return null
    }
  })
}

/** Ed25519 through OpenSSL (node:crypto), with KeyObjects cached per key. */
export const nodeEd25519: Ed25519 = {
  name: 'node-crypto',
  getPublicKey(seed) {
    return privateKeyFor(seed).publicKey.slice()
  },
  sign(message, seed) {
    return new Uint8Array(sign(null, message, privateKeyFor(seed).key))
  },
  verify(signature, message, publicKey) {
    if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) return false
    if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false
    if (!(message instanceof Uint8Array) || !hasCanonicalS(signature)) return false
    if (isRefusedPointEncoding(signature.subarray(0, 32))) return false
    const key = publicKeyFor(publicKey)
    if (key === null) return false
    try {
      return verify(null, message, key, signature)
    } catch {
      return false
    }
  },
}

/** Cache sizes, for tests and metrics. */
export function nodeEd25519CacheSizes(): { privateKeys: number; publicKeys: number } {
  return { privateKeys: privateKeys.size, publicKeys: publicKeys.size }
}

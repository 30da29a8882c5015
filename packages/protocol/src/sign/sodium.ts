import { createRequire } from 'node:module'
import { assertSeed, ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, type Ed25519 } from './ed25519.js'
import { hasCanonicalS, isRefusedPointEncoding } from './public-key-checks.js'

// Node-only: exported through the `@certmesh/protocol/sodium` subpath. libsodium (through
// the optional `sodium-native` addon, prebuilt for the common platforms) verifies about
// twice as fast as OpenSSL 3.0 on x86-64, and verification is the largest cost of a sync.

/** The part of sodium-native's API used here. */
interface SodiumNative {
  crypto_sign_seed_keypair(publicKey: Uint8Array, secretKey: Uint8Array, seed: Uint8Array): void
  crypto_sign_detached(signature: Uint8Array, message: Uint8Array, secretKey: Uint8Array): void
  crypto_sign_verify_detached(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean
}

/** Seeds signed with, by hex; a node signs with one key. */
const SECRET_KEY_CACHE_LIMIT = 16

/** The bytes in an ArrayBuffer of their own: sodium-native misreads views on a SharedArrayBuffer. */
function plain(bytes: Uint8Array): Uint8Array {
  return bytes.buffer instanceof ArrayBuffer ? bytes : bytes.slice()
}

function build(sodium: SodiumNative): Ed25519 {
  const secretKeys = new Map<string, { secretKey: Uint8Array; publicKey: Uint8Array }>()
  const keyPair = (seed: Uint8Array): { secretKey: Uint8Array; publicKey: Uint8Array } => {
    assertSeed(seed, 'sodium')
    seed = plain(seed)
    const id = Buffer.from(seed.buffer, seed.byteOffset, seed.byteLength).toString('hex')
    let pair = secretKeys.get(id)
    if (pair === undefined) {
      pair = { secretKey: new Uint8Array(64), publicKey: new Uint8Array(32) }
      sodium.crypto_sign_seed_keypair(pair.publicKey, pair.secretKey, seed)
      if (secretKeys.size >= SECRET_KEY_CACHE_LIMIT) secretKeys.clear()
      secretKeys.set(id, pair)
    }
    return pair
  }
  return {
    name: 'sodium',
    getPublicKey: (seed) => keyPair(seed).publicKey.slice(),
    sign(message, seed) {
      if (!(message instanceof Uint8Array)) throw new TypeError('sodium: the message to sign must be a Uint8Array')
      const signature = new Uint8Array(ED25519_SIGNATURE_LENGTH)
      sodium.crypto_sign_detached(signature, plain(message), keyPair(seed).secretKey)
      return signature
    },
    verify(signature, message, publicKey) {
      if (!(signature instanceof Uint8Array) || signature.length !== ED25519_SIGNATURE_LENGTH) return false
      if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) return false
      if (!(message instanceof Uint8Array) || !hasCanonicalS(signature)) return false
      // libsodium refuses these too; checking them here keeps the rule visibly the same
      // as the other implementations' whatever the libsodium version.
      if (isRefusedPointEncoding(publicKey) || isRefusedPointEncoding(signature.subarray(0, 32))) return false
      return sodium.crypto_sign_verify_detached(plain(signature), plain(message), plain(publicKey)) === true
    },
  }
}

let loaded: Ed25519 | null | undefined
let loadError: string | undefined

/**
 * Ed25519 through libsodium, or undefined when the optional `sodium-native` addon is not
 * installed or cannot load on this platform (callers then use node:crypto).
 */
export function sodiumEd25519(): Ed25519 | undefined {
  if (loaded === undefined) {
    try {
      loaded = build(createRequire(import.meta.url)('sodium-native') as SodiumNative)
    } catch (err) {
      loaded = null
      loadError = err instanceof Error ? err.message : String(err)
    }
  }
  return loaded ?? undefined
}

/** Why sodiumEd25519() found no libsodium (undefined when it loaded, or was not tried yet). */
export function sodiumLoadError(): string | undefined {
  return loadError
}

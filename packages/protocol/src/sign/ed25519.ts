/** RFC 8032 §5.1.5: a private key is a 32-byte seed, a public key 32 bytes. */
export const ED25519_SEED_LENGTH = 32
export const ED25519_PUBLIC_KEY_LENGTH = 32
/** RFC 8032 §5.1.6: a signature is R (32 bytes) followed by S (32 bytes, little-endian). */
export const ED25519_SIGNATURE_LENGTH = 64

/**
 * The one signing interface the rest of certmesh depends on. Implementations must agree
 * bit for bit: signing is deterministic (RFC 8032), and verification follows the certmesh
 * rule in docs/protocol.md §3.5 (strict key decoding, no small-order keys, S < L,
 * cofactorless equation), so two nodes never disagree about one object.
 *
 * `seed` is the 32-byte Ed25519 private key seed. `verify` never throws: any malformed
 * input (wrong length, undecodable key) is simply `false`.
 */
export interface Ed25519 {
  readonly name: string
  getPublicKey(seed: Uint8Array): Uint8Array
  sign(message: Uint8Array, seed: Uint8Array): Uint8Array
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean
}

/** Raised by getPublicKey/sign when the seed is not 32 bytes. */
export class Ed25519KeyError extends Error {
  override readonly name = 'Ed25519KeyError'
}

export function assertSeed(seed: Uint8Array, implName: string): void {
  if (!(seed instanceof Uint8Array) || seed.length !== ED25519_SEED_LENGTH) {
    const got = seed instanceof Uint8Array ? `${seed.length} bytes` : typeof seed
    throw new Ed25519KeyError(`${implName}: Ed25519 seed must be ${ED25519_SEED_LENGTH} bytes, got ${got}`)
  }
}

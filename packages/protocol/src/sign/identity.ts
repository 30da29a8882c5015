import { base64urlEncode } from './base64url.js'
import { ED25519_PUBLIC_KEY_LENGTH } from './ed25519.js'
import { uuidV5 } from './uuid-v5.js'

/**
 * UUIDv5 namespace for certmesh key-bound identity ids (docs/protocol.md §4.1). A random
 * v4 UUID chosen once for certmesh; it must never change, or every identity id changes.
 */
export const CERTMESH_IDENTITY_NAMESPACE = 'd63a1632-410c-46cf-8151-a5d63cadacfa'

/** Raised when identityIdForPublicKey gets something other than a 32-byte key. */
export class IdentityKeyError extends Error {
  override readonly name = 'IdentityKeyError'
}

/**
 * 'identity--' + UUIDv5(CERTMESH_IDENTITY_NAMESPACE, base64url(publicKey)). Binding the
 * identity id to the key lets anyone check offline that an object's created_by_ref names
 * the key that signed it (DESIGN.md invariant 2: one key, one identity).
 */
export function identityIdForPublicKey(publicKey: Uint8Array): string {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== ED25519_PUBLIC_KEY_LENGTH) {
    const got = publicKey instanceof Uint8Array ? `${publicKey.length} bytes` : typeof publicKey
    throw new IdentityKeyError(`identity public key must be ${ED25519_PUBLIC_KEY_LENGTH} bytes, got ${got}`)
  }
  const key = base64urlEncode(publicKey)
  let id = identityIds.get(key)
  if (id === undefined) {
    if (identityIds.size >= IDENTITY_CACHE_LIMIT) identityIds.clear()
    id = `identity--${uuidV5(CERTMESH_IDENTITY_NAMESPACE, key)}`
    identityIds.set(key, id)
  }
  return id
}

/**
 * Every received object is checked against its signer's identity id, and a node hears
 * from few keys: the UUIDv5 (a SHA-1 in JavaScript) was ~4% of verifying a sync batch.
 */
const IDENTITY_CACHE_LIMIT = 4096
const identityIds = new Map<string, string>()

import { base64urlEncode } from './base64url.js'
import type { Ed25519 } from './ed25519.js'
import { SigningError } from './errors.js'
import { SIGNATURE_ALG, SIGNATURE_EXTENSION_ID, type SignatureExtension } from './extension.js'
import { nobleEd25519 } from './noble.js'
import { isPlainObject, setOwn, signedBytes, withoutSignature } from './signed-bytes.js'

/**
 * Returns a copy of `obj` carrying a certmesh signature by `seed` (docs/protocol.md §3.4).
 * An existing certmesh signature is replaced; other extensions and the key order of the
 * object are kept. The caller is responsible for `created_by_ref` (or, for a self-signed
 * identity, `id`) naming identityIdForPublicKey of this key, else verifyObject answers
 * 'creator-mismatch'. Throws SigningError for a non-object or a non-object `extensions`,
 * CanonicalizationError when the object is not I-JSON, Ed25519KeyError for a bad seed.
 */
export function signObject<T extends object>(
  obj: T,
  seed: Uint8Array,
  impl: Ed25519 = nobleEd25519,
): T & { extensions: Record<string, unknown> } {
  if (!isPlainObject(obj)) throw new SigningError('only a plain JSON object can carry a certmesh signature')
  const ext = obj.extensions
  if (ext !== undefined && !isPlainObject(ext)) {
    throw new SigningError('cannot sign: property "extensions" is present but is not a JSON object')
  }
  const message = signedBytes(obj)
  const entry: SignatureExtension = {
    extension_type: 'property-extension',
    alg: SIGNATURE_ALG,
    public_key: base64urlEncode(impl.getPublicKey(seed)),
    signature: base64urlEncode(impl.sign(message, seed)),
  }
  const base = withoutSignature(obj)
  const otherExt = isPlainObject(base.extensions) ? base.extensions : {}
  // Keep `extensions` where it was, so stored JSON stays close to what the analyst wrote.
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(obj)) {
    setOwn(out, key, key === 'extensions' ? { ...otherExt, [SIGNATURE_EXTENSION_ID]: entry } : obj[key])
  }
  if (!Object.hasOwn(out, 'extensions')) out.extensions = { [SIGNATURE_EXTENSION_ID]: entry }
  return out as T & { extensions: Record<string, unknown> }
}

import { canonicalSplit, joinSplit, type CanonicalSplit } from '../canonical/jcs.js'
import { base64urlEncode } from './base64url.js'
import type { Ed25519 } from './ed25519.js'
import { SigningError } from './errors.js'
import { SIGNATURE_ALG, SIGNATURE_EXTENSION_ID } from './extension.js'
import { isPlainObject } from './signed-bytes.js'

const encoder = new TextEncoder()

// RFC 8785 text of `"extensions":{ID:{...}}` for one signature entry. Its keys are fixed and
// already in §3.2.3 order (alg < extension_type < public_key < signature); the two values
// are base64url, which never needs escaping. sign-canonical.test.ts checks it against
// canonicalize for random keys and signatures.
const EXT_HEAD = `"extensions":{"${SIGNATURE_EXTENSION_ID}":{"alg":"${SIGNATURE_ALG}","extension_type":"property-extension","public_key":"`

export function signatureMember(publicKeyB64: string, signatureB64: string): string {
  return `${EXT_HEAD}${publicKeyB64}","signature":"${signatureB64}"}}`
}

/**
 * One object on its way to being signed, canonicalized ONCE (docs/protocol.md §3.4): the
 * signed message is the canonical text of the object (it has no `extensions`, so nothing
 * is removed), and the canonical text of the signed object is that same text with the
 * `extensions` member inserted in its sorted place. Split in two steps so the signature
 * can be computed elsewhere (e.g. a worker thread) between them.
 */
export class SigningPlan {
  readonly #split: CanonicalSplit
  /** UTF-8 of the canonical JSON of the unsigned object: the bytes the signature covers. */
  readonly message: Uint8Array

  constructor(obj: Record<string, unknown>) {
    if (!isPlainObject(obj)) throw new SigningError('only a plain JSON object can carry a certmesh signature')
    if (Object.hasOwn(obj, 'extensions')) {
      throw new SigningError('SigningPlan: the object already has "extensions"; use signObject, which keeps other extensions')
    }
    this.#split = canonicalSplit(obj, 'extensions')
    this.message = encoder.encode(joinSplit(this.#split))
  }

  /** RFC 8785 text of the object with its signature: equal to canonicalize(signObject(obj, …)). */
  signedJson(publicKey: Uint8Array, signature: Uint8Array): string {
    return this.signedJsonWith(signatureMember(base64urlEncode(publicKey), base64urlEncode(signature)))
  }

  /** The canonical text with a ready `"extensions":…` member (from signatureMember). */
  signedJsonWith(member: string): string {
    return joinSplit(this.#split, member)
  }
}

/**
 * canonicalize(signObject(obj, seed, impl)) for an object without `extensions`, with one
 * canonicalization instead of two and no copy of the object. Throws SigningError when the
 * object has `extensions` (signObject handles those).
 */
export function signToCanonical(obj: Record<string, unknown>, seed: Uint8Array, impl: Ed25519): string {
  const plan = new SigningPlan(obj)
  return plan.signedJson(impl.getPublicKey(seed), impl.sign(plan.message, seed))
}

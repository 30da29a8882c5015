import { CanonicalizationError } from '../canonical/errors.js'
import { Base64urlError, base64urlDecode } from './base64url.js'
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, type Ed25519 } from './ed25519.js'
import { SIGNATURE_ALG, SIGNATURE_EXTENSION_FIELDS, SIGNATURE_EXTENSION_ID } from './extension.js'
import { identityIdForPublicKey } from './identity.js'
import { nobleEd25519 } from './noble.js'
import { isPlainObject, signedBytes } from './signed-bytes.js'

/** Why an object failed verification; stable strings (docs/protocol.md §3.6). */
export type VerifyFailureReason =
  | 'unsigned'
  | 'malformed-extension'
  | 'unsupported-alg'
  | 'bad-signature'
  | 'creator-mismatch'

export type VerifyResult =
  | { ok: true; publicKey: Uint8Array; publicKeyB64: string }
  | { ok: false; reason: VerifyFailureReason; message: string }

const fail = (reason: VerifyFailureReason, message: string): VerifyResult => ({ ok: false, reason, message })

const AT = `extensions["${SIGNATURE_EXTENSION_ID}"]`

function decodeField(entry: Record<string, unknown>, field: string, length: number): Uint8Array | string {
  const text = entry[field]
  if (typeof text !== 'string') return `${AT}.${field} must be a string, got ${text === null ? 'null' : typeof text}`
  let bytes: Uint8Array
  try {
    bytes = base64urlDecode(text)
  } catch (error) {
    if (error instanceof Base64urlError) return `${AT}.${field} is not unpadded base64url: ${error.message}`
    throw error
  }
  if (bytes.length !== length) return `${AT}.${field} decodes to ${bytes.length} bytes, expected ${length}`
  return bytes
}

/**
 * Verifies the certmesh signature of an object, in the order of docs/protocol.md §3.6:
 * presence, extension shape, algorithm, encodings, Ed25519 signature over signedBytes, then
 * the creator binding. Never throws for any JSON input.
 */
export function verifyObject(obj: unknown, impl: Ed25519 = nobleEd25519): VerifyResult {
  if (!isPlainObject(obj)) return fail('unsigned', 'value is not a JSON object, so it carries no certmesh signature')
  const ext = obj.extensions
  if (!isPlainObject(ext) || !Object.hasOwn(ext, SIGNATURE_EXTENSION_ID)) {
    return fail('unsigned', `object has no ${AT}`)
  }
  const entry = ext[SIGNATURE_EXTENSION_ID]
  if (!isPlainObject(entry)) return fail('malformed-extension', `${AT} is not a JSON object`)
  if (entry.extension_type !== 'property-extension') {
    return fail('malformed-extension', `${AT}.extension_type must be "property-extension"`)
  }
  if (typeof entry.alg !== 'string') return fail('malformed-extension', `${AT}.alg must be a string`)
  if (entry.alg !== SIGNATURE_ALG) {
    return fail('unsupported-alg', `${AT}.alg is ${JSON.stringify(entry.alg)}; only "${SIGNATURE_ALG}" is supported`)
  }
  for (const field of SIGNATURE_EXTENSION_FIELDS) {
    if (!Object.hasOwn(entry, field)) return fail('malformed-extension', `${AT} is missing field "${field}"`)
  }
  const extra = Object.keys(entry).filter((k) => !SIGNATURE_EXTENSION_FIELDS.includes(k))
  if (extra.length > 0) {
    return fail('malformed-extension', `${AT} has unexpected field(s) ${extra.map((k) => JSON.stringify(k)).join(', ')}`)
  }
  const publicKey = decodeField(entry, 'public_key', ED25519_PUBLIC_KEY_LENGTH)
  if (typeof publicKey === 'string') return fail('malformed-extension', publicKey)
  const signature = decodeField(entry, 'signature', ED25519_SIGNATURE_LENGTH)
  if (typeof signature === 'string') return fail('malformed-extension', signature)

  let message: Uint8Array
  try {
    message = signedBytes(obj)
  } catch (error) {
    if (!(error instanceof CanonicalizationError)) throw error
    return fail('bad-signature', `object has no RFC 8785 form, so no signature can cover it: ${error.message}`)
  }
  if (!impl.verify(signature, message, publicKey)) {
    return fail('bad-signature', `Ed25519 signature does not match the object and ${AT}.public_key`)
  }

  const publicKeyB64 = entry.public_key as string
  const signerIdentity = identityIdForPublicKey(publicKey)
  if (Object.hasOwn(obj, 'created_by_ref')) {
    if (obj.created_by_ref !== signerIdentity) {
      return fail(
        'creator-mismatch',
        `created_by_ref ${JSON.stringify(obj.created_by_ref)} is not the signer's identity ${signerIdentity}`,
      )
    }
  } else if (obj.type === 'identity' && obj.id !== signerIdentity) {
    return fail(
      'creator-mismatch',
      `identity ${JSON.stringify(obj.id)} has no created_by_ref and is not the signer's own identity ${signerIdentity}`,
    )
  }
  return { ok: true, publicKey, publicKeyB64 }
}

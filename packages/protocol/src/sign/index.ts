// Everything in src/sign except node-crypto.ts, which is Node-only and exported through
// the `@certmesh/protocol/node-crypto` subpath.
export { Base64urlError, base64urlDecode, base64urlEncode } from './base64url.js'
export {
  assertSeed,
  ED25519_PUBLIC_KEY_LENGTH,
  ED25519_SEED_LENGTH,
  ED25519_SIGNATURE_LENGTH,
  Ed25519KeyError,
  type Ed25519,
} from './ed25519.js'
export { SigningError } from './errors.js'
export {
  CERTMESH_PROJECT_IDENTITY_ID,
  certmeshProjectIdentity,
  SIGNATURE_ALG,
  SIGNATURE_EXTENSION_FIELDS,
  SIGNATURE_EXTENSION_ID,
  SIGNATURE_EXTENSION_SCHEMA_URL,
  signatureExtensionDefinition,
  type SignatureExtension,
} from './extension.js'
export { CERTMESH_IDENTITY_NAMESPACE, IdentityKeyError, identityIdForPublicKey } from './identity.js'
export { nobleEd25519 } from './noble.js'
export { hasCanonicalS, hasNonCanonicalY, isRefusedPointEncoding, SMALL_ORDER_ENCODINGS } from './public-key-checks.js'
export { signObject } from './sign-object.js'
export { signatureMember, SigningPlan, signToCanonical } from './sign-canonical.js'
export { signedBytes, withoutSignature } from './signed-bytes.js'
export { UuidError, uuidV5 } from './uuid-v5.js'
export { verifyObject, type VerifyFailureReason, type VerifyResult } from './verify-object.js'

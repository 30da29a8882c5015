import { base64urlEncode } from '../base64url.js'
import type { Ed25519 } from '../ed25519.js'
import { SIGNATURE_EXTENSION_ID } from '../extension.js'
import { identityIdForPublicKey } from '../identity.js'
import { nobleEd25519 } from '../noble.js'
import { signObject } from '../sign-object.js'
import { signedBytes } from '../signed-bytes.js'
import type { VerifyFailureReason } from '../verify-object.js'
import { forgeForSmallOrderKey, signWithMixedOrderR, signWithSmallOrderR, signWithSmallOrderRForMixedKey, withUnreducedS } from './forge.js'

// Test support only: builds the golden vectors in packages/protocol/vectors/signatures/.
// scripts/make-signature-vectors.ts writes them; vectors.test.ts checks that the files on
// disk are exactly what this produces, and verifies every file independently.

type Json = Record<string, unknown>

/** TEST keys: seed = SHA-256 of the label (UTF-8). Public; never use them for anything real. */
export const TEST_KEYS = [
  {
    name: 'test-key-1',
    label: 'certmesh signature test vectors: TEST KEY 1, never use outside tests',
    seed_hex: '04a836ab1c8f7b801a5810457f28aed6f1271eb9e0f55ea0367422d827299e46',
  },
  {
    name: 'test-key-2',
    label: 'certmesh signature test vectors: TEST KEY 2, never use outside tests',
    seed_hex: 'c70b9906e46ca95d722a70fa0a01d434e97364299de56012d7febe99fd531c6f',
  },
] as const

const hexToBytes = (h: string): Uint8Array => Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16))
const bytesToHex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export interface ValidVector {
  description: string
  object: Json
  expected: { ok: true; public_key: string }
  signed_bytes_utf8: string
}
export interface InvalidVector {
  description: string
  object: Json
  expected: { ok: false; reason: VerifyFailureReason }
}
export interface VectorFile {
  path: string
  text: string
}

const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'
const OTHER_EXTENSION = 'extension-definition--c1983668-9a2e-4fc4-9874-fd7c2d2d607a'

function keys(impl: Ed25519) {
  return TEST_KEYS.map((k) => {
    const seed = hexToBytes(k.seed_hex)
    const publicKey = impl.getPublicKey(seed)
    return { ...k, seed, publicKey, b64: base64urlEncode(publicKey), identity: identityIdForPublicKey(publicKey) }
  })
}

function sigEntry(obj: Json): Json {
  return (obj.extensions as Json)[SIGNATURE_EXTENSION_ID] as Json
}

function withEntry(obj: Json, patch: Json): Json {
  const ext = obj.extensions as Json
  return { ...obj, extensions: { ...ext, [SIGNATURE_EXTENSION_ID]: { ...sigEntry(obj), ...patch } } }
}

function reversed(obj: Json): Json {
  const out: Json = {}
  for (const key of Object.keys(obj).reverse()) {
    const v = obj[key]
    out[key] = typeof v === 'object' && v !== null && !Array.isArray(v) ? reversed(v as Json) : v
  }
  return out
}

// Number literals written in non-canonical form in the file; JSON.parse gives the same value.
const NUMBER_LITERALS: readonly [string, string, string][] = [
  ['exponent_upper', '1e+30', '1E30'],
  ['trailing_zero', '4.5', '4.50'],
  ['small_exponent', '0.002', '2e-3'],
  ['long_fraction', '333333333.3333333', '333333333.33333329'],
  ['negative_zero', '0', '-0.0'],
  ['integer_1e21', '1e+21', '1000000000000000000000'],
  ['integral_float', '56', '56.0'],
]

export function buildSignatureVectors(impl: Ed25519 = nobleEd25519): VectorFile[] {
  const [k1, k2] = keys(impl) as [ReturnType<typeof keys>[number], ReturnType<typeof keys>[number]]
  const sign = (o: Json): Json => signObject(o, k1.seed, impl)

  const indicatorV1: Json = {
    type: 'indicator',
    spec_version: '2.1',
    id: 'indicator--0d1d1285-1564-4aa5-ac44-aa600f6009c7',
    created: '2026-11-28T10:00:00.000Z',
    modified: '2026-11-28T10:00:00.000Z',
    created_by_ref: k1.identity,
    name: 'Phishing domain imitating a member login page',
    description: 'Seen in a phishing wave against member organisations.',
    indicator_types: ['malicious-activity'],
    pattern: "[domain-name:value = 'login-example.test']",
    pattern_type: 'stix',
    valid_from: '2026-11-28T10:00:00Z',
    confidence: 80,
    object_marking_refs: [GREEN],
  }
  const indicator = sign(indicatorV1)
  const indicatorV2 = sign({ ...indicatorV1, modified: '2026-11-29T08:30:00.000Z', confidence: 95 })
  const identity = sign({
    type: 'identity',
    spec_version: '2.1',
    id: k1.identity,
    created: '2026-11-28T09:00:00.000Z',
    modified: '2026-11-28T09:00:00.000Z',
    name: 'Example CERT (TEST)',
    identity_class: 'organization',
  })
  const withOtherExtensions = sign({
    ...indicatorV1,
    id: 'indicator--04221680-3837-42cf-8bb4-537c7fb3d2a8',
    extensions: { [OTHER_EXTENSION]: { extension_type: 'property-extension', rank: 3, tags: ['b', 'a'] } },
  })
  const edgeCases = sign({
    type: 'note',
    spec_version: '2.1',
    id: 'note--6b3d1019-8a7d-411a-aa2c-5eb0ee0f1473',
    created: '2026-11-28T11:00:00.000Z',
    modified: '2026-11-28T11:00:00.000Z',
    created_by_ref: k1.identity,
    content: 'Å vs A\u030a (not normalised) — “quotes” \\ "\u0000\u001f\u007f\u2028 </script> € 😂',
    object_refs: ['indicator--0d1d1285-1564-4aa5-ac44-aa600f6009c7'],
    x_certmesh_test_keys: { '\ufb33': 'after the emoji in UTF-16 order', '😂': 'surrogate pair', é: 1, E: 2, '10': 3, '1': 4 },
    x_certmesh_test_numbers: {
      exponent_upper: 1e30,
      trailing_zero: 4.5,
      small_exponent: 0.002,
      long_fraction: 333333333.3333333,
      negative_zero: -0,
      integer_1e21: 1e21,
      integral_float: 56,
      tiny: 5e-324,
      max: Number.MAX_VALUE,
      below_1e_6: 1e-7,
    },
  })
  const sco = sign({
    type: 'domain-name',
    spec_version: '2.1',
    id: 'domain-name--2680a4d5-9ed0-4d61-9e11-dcc5c09f4f4c',
    value: 'login-example.test',
  })

  const valid: [string, string, Json][] = [
    ['indicator', 'Signed indicator; created_by_ref is the identity bound to test-key-1.', indicator],
    ['identity', 'Self-signed identity: no created_by_ref, id = identityIdForPublicKey(test-key-1).', identity],
    ['other-extensions', 'Indicator that also carries another property-extension; only the certmesh entry is removed before canonicalisation.', withOtherExtensions],
    ['unicode-and-numbers', 'Note with Unicode and number edge cases, some numbers written non-canonically in this file (1E30, 4.50, 2e-3, -0.0, 56.0 …); canonicalisation must normalise them.', edgeCases],
    ['key-reordering', 'The signed indicator with every object key in reverse order (including inside the extension): JSON key order is not signed, so it still verifies.', reversed(indicator)],
    ['sco-without-creator', 'Signed domain-name SCO: no created_by_ref, not an identity, so no creator binding applies.', sco],
  ]

  const forged = forgeForSmallOrderKey()
  const indicatorMessage = signedBytes(indicator)
  const mixedKey = signWithSmallOrderRForMixedKey(indicatorMessage, k1.seed)
  const edited = (o: Json, patch: Json): Json => ({ ...o, ...patch })
  const withoutDescription = { ...indicator }
  delete withoutDescription.description
  const unsigned = { ...indicatorV1 }
  const sig = sigEntry(indicator).signature as string
  const pk = sigEntry(indicator).public_key as string
  const badBits = pk.slice(0, -1) + (pk.endsWith('A') ? 'B' : String.fromCharCode(pk.charCodeAt(pk.length - 1) + 1))

  const invalid: [string, string, Json, VerifyFailureReason][] = [
    ['changed-character', 'One character of name changed after signing ("member" -> "membar").', edited(indicator, { name: (indicator.name as string).replace('member', 'membar') }), 'bad-signature'],
    ['swapped-public-key', 'public_key replaced by test-key-2; the signature is still the one by test-key-1.', withEntry(indicator, { public_key: k2.b64 }), 'bad-signature'],
    ['truncated-signature', 'signature cut to 80 base64url characters (60 bytes).', withEntry(indicator, { signature: sig.slice(0, 80) }), 'malformed-extension'],
    ['signature-from-other-version', 'Version 2 (later modified, higher confidence) carrying the extension of version 1.', withEntry(indicatorV2, sigEntry(indicator)), 'bad-signature'],
    ['removed-property', 'description removed after signing.', withoutDescription, 'bad-signature'],
    ['created-by-ref-elsewhere', 'Correctly signed by test-key-1, but created_by_ref names the identity of test-key-2.', sign({ ...indicatorV1, created_by_ref: k2.identity }), 'creator-mismatch'],
    ['identity-not-bound-to-key', 'Self-signed identity whose id is not identityIdForPublicKey(signer).', sign({ ...(identity as Json), id: 'identity--188a51d7-d346-45f0-a295-c69828617d0a' }), 'creator-mismatch'],
    ['unsupported-alg', 'alg is "ES256".', withEntry(indicator, { alg: 'ES256' }), 'unsupported-alg'],
    ['unsigned', 'No certmesh signature extension at all.', unsigned, 'unsigned'],
    ['extension-not-object', 'The certmesh extension entry is a string.', { ...indicator, extensions: { [SIGNATURE_EXTENSION_ID]: sig } }, 'malformed-extension'],
    ['wrong-extension-type', 'extension_type is "toplevel-property-extension".', withEntry(indicator, { extension_type: 'toplevel-property-extension' }), 'malformed-extension'],
    ['extra-field', 'The extension entry has an extra field "key_id".', withEntry(indicator, { key_id: k1.identity }), 'malformed-extension'],
    ['missing-field', 'The extension entry has no public_key.', { ...indicator, extensions: { [SIGNATURE_EXTENSION_ID]: { extension_type: 'property-extension', alg: 'Ed25519', signature: sig } } }, 'malformed-extension'],
    ['padded-base64url', 'signature written with "==" padding.', withEntry(indicator, { signature: `${sig}==` }), 'malformed-extension'],
    ['standard-base64-alphabet', 'public_key written with the standard base64 alphabet ("+", "/").', withEntry(indicator, { public_key: Buffer.from(k1.publicKey).toString('base64').replace(/=+$/, '') }), 'malformed-extension'],
    ['non-canonical-trailing-bits', 'Last character of public_key changed so its unused bits are non-zero (decodes to the same bytes under a lax decoder).', withEntry(indicator, { public_key: badBits }), 'malformed-extension'],
    ['small-order-public-key', 'public_key is the identity point (small order) and R = [S]B: cofactorless-valid for any message, refused by the small-order rule.', withEntry(indicator, { public_key: base64urlEncode(forged.publicKey), signature: base64urlEncode(forged.signature) }), 'bad-signature'],
    ['mixed-order-r', 'Signed by test-key-1 with a small-order component added to R: the cofactored equation accepts it, the certmesh (cofactorless) rule does not.', withEntry(indicator, { signature: base64urlEncode(signWithMixedOrderR(indicatorMessage, k1.seed)) }), 'bad-signature'],
    ['small-order-r', 'Signed by test-key-1 with R the identity point and S = k·a: the cofactorless equation holds, but R is of small order, which the certmesh rule (like libsodium) refuses.', withEntry(indicator, { signature: base64urlEncode(signWithSmallOrderR(indicatorMessage, k1.seed)) }), 'bad-signature'],
    ['small-order-r-mixed-order-key', 'A mixed-order public key ([a]B plus a point of order 8) and, by its holder, R a small-order point other than the identity with S = k·a: the cofactorless equation holds (OpenSSL accepts it), but R is of small order.', withEntry(indicator, { public_key: base64urlEncode(mixedKey.publicKey), signature: base64urlEncode(mixedKey.signature) }), 'bad-signature'],
    ['unreduced-s', 'The valid signature with S replaced by S + L (signature malleability).', withEntry(indicator, { signature: base64urlEncode(withUnreducedS(impl.sign(indicatorMessage, k1.seed))) }), 'bad-signature'],
    ['lone-surrogate', 'name holds a lone surrogate (\\ud800): the object has no RFC 8785 form, so no signature can be valid.', edited(indicator, { name: 'bad \ud800 name' }), 'bad-signature'],
  ]

  const files: VectorFile[] = []
  files.push({
    path: 'test-keys.json',
    text: serialize({
      warning: 'TEST KEYS ONLY. These seeds are public. Never use them to sign anything real.',
      derivation: 'seed = SHA-256(UTF-8 label)',
      keys: [k1, k2].map((k) => ({
        name: k.name,
        label: k.label,
        seed_hex: k.seed_hex,
        public_key_hex: bytesToHex(k.publicKey),
        public_key: k.b64,
        identity_id: k.identity,
      })),
    }),
  })
  for (const [name, description, object] of valid) {
    const v: ValidVector = {
      description,
      object,
      expected: { ok: true, public_key: k1.b64 },
      signed_bytes_utf8: new TextDecoder().decode(signedBytes(object)),
    }
    let text = serialize(v)
    if (name === 'unicode-and-numbers') text = rewriteNumberLiterals(text)
    files.push({ path: `valid/${name}.json`, text })
  }
  for (const [name, description, object, reason] of invalid) {
    const v: InvalidVector = { description, object, expected: { ok: false, reason } }
    files.push({ path: `invalid/${name}.json`, text: serialize(v) })
  }
  return files
}

function serialize(v: unknown): string {
  return `${JSON.stringify(v, null, 2)}\n`
}

function rewriteNumberLiterals(text: string): string {
  let out = text
  for (const [key, stringified, literal] of NUMBER_LITERALS) {
    const from = `"${key}": ${stringified},`
    if (out.split(from).length !== 2) throw new Error(`number literal ${key} not found exactly once`)
    out = out.replace(from, `"${key}": ${literal},`)
  }
  return out
}

import { describe, expect, it } from 'vitest'
import { canonicalize } from '../canonical/jcs.js'
import { CanonicalizationError } from '../canonical/errors.js'
import { base64urlEncode } from './base64url.js'
import { SigningError } from './errors.js'
import { SIGNATURE_EXTENSION_ID } from './extension.js'
import { nobleEd25519 } from './noble.js'
import { signatureMember, signToCanonical, SigningPlan } from './sign-canonical.js'
import { signObject } from './sign-object.js'
import { signedBytes } from './signed-bytes.js'
import { nodeEd25519 } from './node-crypto.js'

/** xorshift32: deterministic, so a failing case can be replayed from its index. */
function rng(seed: number): () => number {
  let x = seed | 0 || 1
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 4294967296
  }
}

// Keys chosen to land on every side of "extensions" in RFC 8785 order, plus escapes,
// non-BMP characters (UTF-16 order differs from code point order) and the empty key.
const KEYS = ['', 'a', 'ext', 'extension', 'extensionsa', 'extensions_', 'extensionsZ', 'exu', 'Z', 'id', 'type', 'é', '\u{1F600}', '\uFB01', 'q"uote', 'tab\t', 'z']

function value(r: () => number, depth: number): unknown {
  const k = Math.floor(r() * (depth > 2 ? 5 : 7))
  switch (k) {
    case 0: return null
    case 1: return r() < 0.5
    case 2: return [0, -0, 1.5, 1e21, -7, 5e-7, 2 ** 53][Math.floor(r() * 7)]
    case 3: return ['', 'x', 'ü\u0000\n', '\u{1F600}', '"\\', 'a'.repeat(Math.floor(r() * 40))][Math.floor(r() * 6)]
    case 4: return KEYS[Math.floor(r() * KEYS.length)]
    case 5: return Array.from({ length: Math.floor(r() * 4) }, () => value(r, depth + 1))
    default: return object(r, depth + 1)
  }
}

function object(r: () => number, depth: number): Record<string, unknown> {
  const o: Record<string, unknown> = {}
  const n = Math.floor(r() * 8)
  for (let i = 0; i < n; i++) o[KEYS[Math.floor(r() * KEYS.length)] as string] = value(r, depth)
  return o
}

const seed = new Uint8Array(32).map((_, i) => i * 7 + 3)

describe('SigningPlan / signToCanonical', () => {
  it('is byte-identical to canonicalize(signObject(obj)) for 2,000 random objects', () => {
    const r = rng(20261128)
    for (let i = 0; i < 2000; i++) {
      const obj = object(r, 0)
      delete obj.extensions
      const expected = canonicalize(signObject(obj, seed, nodeEd25519))
      expect(signToCanonical(obj, seed, nodeEd25519), `case ${i}: ${JSON.stringify(obj)}`).toBe(expected)
    }
  })

  it('signs exactly the bytes signObject signs, and the result verifies', () => {
    const obj = { type: 'indicator', id: 'indicator--11111111-1111-4111-8111-111111111111', name: 'x', a: [1, { b: 'é' }] }
    const plan = new SigningPlan(obj)
    expect(plan.message).toEqual(signedBytes(obj))
    const json = signToCanonical(obj, seed, nobleEd25519)
    const entry = (JSON.parse(json) as { extensions: Record<string, { signature: string }> }).extensions[SIGNATURE_EXTENSION_ID]
    const sig = Buffer.from(entry?.signature ?? '', 'base64url')
    expect(nobleEd25519.verify(new Uint8Array(sig), plan.message, nobleEd25519.getPublicKey(seed))).toBe(true)
  })

  it('handles the empty object and an object whose only key sorts after "extensions"', () => {
    for (const obj of [{}, { z: 1 }, { a: 1 }]) {
      expect(signToCanonical(obj, seed, nobleEd25519)).toBe(canonicalize(signObject(obj, seed, nobleEd25519)))
    }
  })

  it('builds the extensions member exactly as canonicalize does', () => {
    const r = rng(7)
    for (let i = 0; i < 50; i++) {
      const pk = base64urlEncode(new Uint8Array(32).map(() => Math.floor(r() * 256)))
      const sig = base64urlEncode(new Uint8Array(64).map(() => Math.floor(r() * 256)))
      const ext = { [SIGNATURE_EXTENSION_ID]: { signature: sig, public_key: pk, extension_type: 'property-extension', alg: 'Ed25519' } }
      expect(`{${signatureMember(pk, sig)}}`).toBe(canonicalize({ extensions: ext }))
    }
  })

  it('refuses objects that already have extensions, non-objects, and non-JSON values', () => {
    expect(() => new SigningPlan({ extensions: {} })).toThrow(SigningError)
    expect(() => new SigningPlan([] as unknown as Record<string, unknown>)).toThrow(SigningError)
    expect(() => new SigningPlan({ a: { b: undefined } })).toThrow(CanonicalizationError)
    expect(() => new SigningPlan({ a: { b: undefined } })).toThrow(/\$\.a\.b/)
    const cyclic: Record<string, unknown> = { a: 1 }
    cyclic.self = cyclic
    expect(() => new SigningPlan(cyclic)).toThrow(/refers back to one of its own ancestors/)
  })
})

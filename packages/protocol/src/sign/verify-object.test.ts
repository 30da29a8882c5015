import { describe, expect, it } from 'vitest'
import { base64urlEncode } from './base64url.js'
import { SIGNATURE_EXTENSION_ID } from './extension.js'
import { identityIdForPublicKey } from './identity.js'
import { nobleEd25519 } from './noble.js'
import { nodeEd25519 } from './node-crypto.js'
import { signObject } from './sign-object.js'
import { verifyObject, type VerifyResult } from './verify-object.js'

const seed = new Uint8Array(32).fill(9)
const pk = nobleEd25519.getPublicKey(seed)
const me = identityIdForPublicKey(pk)
const signed = signObject(
  { type: 'indicator', id: 'indicator--22222222-2222-4222-8222-222222222222', created_by_ref: me, name: 'n' },
  seed,
)
type Json = Record<string, unknown>
const entry = (signed.extensions as Record<string, Json>)[SIGNATURE_EXTENSION_ID]!
const withEntry = (patch: unknown): Json => ({ ...signed, extensions: { [SIGNATURE_EXTENSION_ID]: patch } })
const reason = (r: VerifyResult): string => (r.ok ? 'ok' : r.reason)

describe('verifyObject', () => {
  it('returns the signer key on success', () => {
    const r = verifyObject(signed)
    expect(r).toEqual({ ok: true, publicKey: pk, publicKeyB64: base64urlEncode(pk) })
  })

  it.each([null, 42, 'text', [signed], undefined])('answers unsigned for the non-object %j', (v) => {
    expect(reason(verifyObject(v))).toBe('unsigned')
  })

  it('answers unsigned when extensions is absent, not an object, or lacks the entry', () => {
    expect(reason(verifyObject({ ...signed, extensions: undefined }))).toBe('unsigned')
    expect(reason(verifyObject({ ...signed, extensions: [entry] }))).toBe('unsigned')
    expect(reason(verifyObject({ ...signed, extensions: { other: entry } }))).toBe('unsigned')
  })

  it('checks alg after extension_type and before the field set', () => {
    expect(reason(verifyObject(withEntry({ ...entry, alg: 7 })))).toBe('malformed-extension')
    expect(reason(verifyObject(withEntry({ ...entry, alg: 'ed25519' })))).toBe('unsupported-alg')
    expect(reason(verifyObject(withEntry({ extension_type: 'property-extension', alg: 'ML-DSA-65', sig: 'x' })))).toBe('unsupported-alg')
    expect(reason(verifyObject(withEntry({ ...entry, extension_type: 'property-extension ', alg: 'ES256' })))).toBe('malformed-extension')
  })

  it('names the bad field in malformed-extension messages', () => {
    const r = verifyObject(withEntry({ ...entry, public_key: 123 }))
    expect(r.ok ? '' : r.message).toMatch(/public_key must be a string, got number/)
    const short = verifyObject(withEntry({ ...entry, public_key: base64urlEncode(pk.subarray(0, 31)) }))
    expect(short.ok ? '' : short.message).toMatch(/public_key decodes to 31 bytes, expected 32/)
    const extra = verifyObject(withEntry({ ...entry, note: 'x' }))
    expect(extra.ok ? '' : extra.message).toMatch(/unexpected field\(s\) "note"/)
  })

  it('applies the creator rule only after the signature is good', () => {
    const claimed = signObject({ ...signed, created_by_ref: 42 }, seed)
    expect(reason(verifyObject(claimed))).toBe('creator-mismatch')
    const noCreator = signObject({ type: 'indicator', id: 'indicator--33333333-3333-4333-8333-333333333333' }, seed)
    expect(reason(verifyObject(noCreator))).toBe('ok')
    // An identity with created_by_ref is judged by created_by_ref, not by its own id.
    const vouched = signObject({ type: 'identity', id: 'identity--44444444-4444-4444-8444-444444444444', created_by_ref: me }, seed)
    expect(reason(verifyObject(vouched))).toBe('ok')
    const tampered = { ...signObject({ ...signed, created_by_ref: 'identity--x' }, seed), created_by_ref: me }
    expect(reason(verifyObject(tampered))).toBe('bad-signature')
  })

  it('never throws on randomly mutated objects, and both implementations agree', () => {
    let state = 12345
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2 ** 31
      return state % n
    }
    const text = JSON.stringify(signed)
    for (let i = 0; i < 300; i++) {
      const chars = text.split('')
      const at = next(chars.length)
      chars[at] = String.fromCharCode(32 + next(95))
      let value: unknown
      try {
        value = JSON.parse(chars.join(''))
      } catch {
        continue
      }
      const a = verifyObject(value, nobleEd25519)
      const b = verifyObject(value, nodeEd25519)
      expect(reason(b)).toBe(reason(a))
    }
  })
})

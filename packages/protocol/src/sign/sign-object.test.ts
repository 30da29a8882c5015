import { describe, expect, it } from 'vitest'
import { CanonicalizationError } from '../canonical/errors.js'
import { Ed25519KeyError } from './ed25519.js'
import { SigningError } from './errors.js'
import { SIGNATURE_EXTENSION_ID } from './extension.js'
import { identityIdForPublicKey } from './identity.js'
import { nobleEd25519 } from './noble.js'
import { signObject } from './sign-object.js'
import { signedBytes, withoutSignature } from './signed-bytes.js'
import { verifyObject } from './verify-object.js'

const seedA = new Uint8Array(32).fill(1)
const seedB = new Uint8Array(32).fill(2)
const idA = identityIdForPublicKey(nobleEd25519.getPublicKey(seedA))
const idB = identityIdForPublicKey(nobleEd25519.getPublicKey(seedB))
const OTHER = 'extension-definition--a4a2e3a5-5d5c-4b1e-9a47-8a4b9d1c2e3f'

const base = () => ({
  type: 'indicator',
  id: 'indicator--11111111-1111-4111-8111-111111111111',
  created_by_ref: idA,
  name: 'x',
  modified: '2026-11-28T00:00:00.000Z',
})

type Ext = Record<string, Record<string, unknown>>

describe('signedBytes / withoutSignature', () => {
  it('removes only the certmesh entry, and extensions when it becomes empty', () => {
    const signed = signObject({ ...base(), extensions: { [OTHER]: { extension_type: 'property-extension', a: 1 } } }, seedA)
    expect(Object.keys(withoutSignature(signed).extensions as object)).toEqual([OTHER])
    const alone = signObject(base(), seedA)
    expect(withoutSignature(alone)).not.toHaveProperty('extensions')
    expect(new TextDecoder().decode(signedBytes(alone))).toBe(
      `{"created_by_ref":"${idA}","id":"indicator--11111111-1111-4111-8111-111111111111","modified":"2026-11-28T00:00:00.000Z","name":"x","type":"indicator"}`,
    )
  })

  it('treats an empty extensions object like an absent one', () => {
    expect(signedBytes({ ...base(), extensions: {} })).toEqual(signedBytes(base()))
  })

  it('does not modify its input', () => {
    const signed = signObject(base(), seedA)
    const before = JSON.stringify(signed)
    withoutSignature(signed)
    signedBytes(signed)
    expect(JSON.stringify(signed)).toBe(before)
  })

  it('keeps a "__proto__" key as an ordinary property', () => {
    const obj = JSON.parse('{"type":"x-test","__proto__":{"polluted":true},"extensions":{}}') as Record<string, unknown>
    const stripped = withoutSignature(obj)
    expect(Object.getPrototypeOf(stripped)).toBe(Object.prototype)
    expect(Object.keys(stripped)).toEqual(['type', '__proto__'])
  })
})

describe('signObject', () => {
  it('returns a new, verifiable object and leaves the input alone', () => {
    const input = base()
    const before = JSON.stringify(input)
    const signed = signObject(input, seedA)
    expect(JSON.stringify(input)).toBe(before)
    expect(signed).not.toBe(input)
    expect(verifyObject(signed)).toMatchObject({ ok: true })
    const entry = (signed.extensions as unknown as Ext)[SIGNATURE_EXTENSION_ID]!
    expect(Object.keys(entry)).toEqual(['extension_type', 'alg', 'public_key', 'signature'])
    expect(entry.public_key).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(entry.signature).toMatch(/^[A-Za-z0-9_-]{86}$/)
  })

  it('replaces an existing certmesh signature and keeps other extensions in place', () => {
    const first = signObject({ ...base(), extensions: { [OTHER]: { extension_type: 'property-extension' } }, z: 1 }, seedA)
    const second = signObject({ ...first, created_by_ref: idB }, seedB)
    expect(Object.keys(second)).toEqual(['type', 'id', 'created_by_ref', 'name', 'modified', 'extensions', 'z'])
    expect(Object.keys(second.extensions as object)).toEqual([OTHER, SIGNATURE_EXTENSION_ID])
    const result = verifyObject(second)
    expect(result.ok && identityIdForPublicKey(result.publicKey)).toBe(idB)
  })

  it('produces the same signature as signing the unsigned object', () => {
    const once = signObject(base(), seedA)
    const twice = signObject(once, seedA)
    expect(twice).toEqual(once)
  })

  it('refuses non-objects, non-object extensions, bad seeds and non-JSON values with typed errors', () => {
    expect(() => signObject([] as unknown as object, seedA)).toThrow(SigningError)
    expect(() => signObject(new Date(), seedA)).toThrow(SigningError)
    expect(() => signObject({ ...base(), extensions: [] }, seedA)).toThrow(/"extensions" is present but is not a JSON object/)
    expect(() => signObject(base(), new Uint8Array(16))).toThrow(Ed25519KeyError)
    expect(() => signObject({ ...base(), x_n: Number.NaN }, seedA)).toThrow(CanonicalizationError)
  })
})

import { describe, expect, it } from 'vitest'
import { base64urlEncode } from './base64url.js'
import { CERTMESH_IDENTITY_NAMESPACE, IdentityKeyError, identityIdForPublicKey } from './identity.js'
import { uuidV5 } from './uuid-v5.js'

describe('identityIdForPublicKey', () => {
  const pk = Uint8Array.from({ length: 32 }, (_, i) => i)

  it('is identity-- + UUIDv5(namespace, base64url(key)) and is stable', () => {
    expect(base64urlEncode(pk)).toBe('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8')
    expect(identityIdForPublicKey(pk)).toBe(`identity--${uuidV5(CERTMESH_IDENTITY_NAMESPACE, base64urlEncode(pk))}`)
    // Pinned (checked with Python's uuid.uuid5): a changed namespace or name encoding would change every identity id.
    expect(identityIdForPublicKey(pk)).toBe('identity--be396ce4-af57-565c-97db-bf86a7245ba6')
  })

  it('differs for different keys', () => {
    const other = pk.slice()
    other[31] = 0
    expect(identityIdForPublicKey(other)).not.toBe(identityIdForPublicKey(pk))
  })

  it('refuses keys that are not 32 bytes', () => {
    expect(() => identityIdForPublicKey(new Uint8Array(33))).toThrow(IdentityKeyError)
    expect(() => identityIdForPublicKey('abc' as unknown as Uint8Array)).toThrow(/got string/)
  })
})

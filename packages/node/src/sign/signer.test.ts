import { identityIdForPublicKey, nobleEd25519, verifyObject } from '@certmesh/protocol'
import { describe, expect, it } from 'vitest'
import { makeIdentity } from './identity.js'
import { generateSeed } from './key-file.js'
import { NodeSigner } from './signer.js'

describe('NodeSigner', () => {
  it('signs objects that the portable implementation verifies, bound to its identity', () => {
    const signer = new NodeSigner(generateSeed())
    expect(signer.identityId).toBe(identityIdForPublicKey(signer.publicKey))
    const identity = makeIdentity(signer, 'Kommunal-CERT Süd', new Date('2026-11-28T10:00:00Z'))
    expect(identity.id).toBe(signer.identityId)
    const verdict = verifyObject(identity, nobleEd25519)
    expect(verdict.ok).toBe(true)
    if (verdict.ok) expect(verdict.publicKeyB64).toBe(signer.publicKeyB64)
  })

  it('an identity signed by another key is a creator mismatch', () => {
    const a = new NodeSigner(generateSeed())
    const b = new NodeSigner(generateSeed())
    const { extensions: _dropped, ...unsigned } = makeIdentity(a, 'A')
    const forged = b.sign(unsigned)
    const verdict = verifyObject(JSON.parse(JSON.stringify(forged)), nobleEd25519)
    expect(verdict).toMatchObject({ ok: false, reason: 'creator-mismatch' })
  })
})

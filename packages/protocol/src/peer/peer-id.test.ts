import { describe, expect, it } from 'vitest'
import { base58btcDecode, base58btcEncode } from './base58.js'
import { PeerIdError, peerIdFromPublicKey, publicKeyFromPeerId } from './peer-id.js'

describe('peer ids', () => {
  it('base58btc round-trips, keeping leading zero bytes as 1s', () => {
    for (const bytes of [new Uint8Array([0, 0, 1, 2, 255]), new Uint8Array(40).map((_, i) => i * 7), new Uint8Array([])]) {
      expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes)
    }
    expect(base58btcEncode(new TextEncoder().encode('hello world'))).toBe('StV1DL6CwTryKyV')
  })

  it('derives 12D3KooW… ids and recovers the key from them', () => {
    const key = new Uint8Array(32).map((_, i) => i)
    const id = peerIdFromPublicKey(key)
    expect(id).toMatch(/^12D3KooW[1-9A-HJ-NP-Za-km-z]{44}$/)
    expect(publicKeyFromPeerId(id)).toEqual(key)
  })

  it('rejects ids that are not Ed25519 peer ids', () => {
    expect(() => publicKeyFromPeerId('QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N')).toThrow(PeerIdError)
    expect(() => publicKeyFromPeerId('12D3KooW0OIl')).toThrow(/not a base58 character/)
  })
})

import { randomBytes } from 'node:crypto'
import { peerIdFromPublicKey } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { peerIdFromString } from '@libp2p/peer-id'
import type { MultiaddrConnection } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { describe, expect, it } from 'vitest'
import { Allowlist, peerMultiaddr, publicKeyOfPeerId } from './allowlist.js'
import { PeerInputError } from './errors.js'
import { allowlistGater } from './gater.js'

const newPeer = (): string => peerIdFromPublicKey(nodeEd25519.getPublicKey(new Uint8Array(randomBytes(32))))
const conn = {} as MultiaddrConnection

describe('allowlist gater (DESIGN.md invariant 6)', () => {
  const trusted = newPeer()
  const stranger = newPeer()
  const allow = new Allowlist()
  allow.set({ peerId: trusted, publicKey: publicKeyOfPeerId(trusted), multiaddrs: [], amber: false, name: null })
  const denied: string[] = []
  const g = allowlistGater(allow, { denied: (peer, stage) => denied.push(`${stage}:${peer === stranger ? 'stranger' : peer}`) })

  it('admits a trusted peer at every stage', async () => {
    const id = peerIdFromString(trusted)
    expect(await g.denyDialPeer!(id)).toBe(false)
    expect(await g.denyDialMultiaddr!(multiaddr(`/ip4/127.0.0.1/tcp/1/p2p/${trusted}`))).toBe(false)
    expect(await g.denyInboundEncryptedConnection!(id, conn)).toBe(false)
    expect(await g.denyOutboundEncryptedConnection!(id, conn)).toBe(false)
    expect(await g.denyInboundUpgradedConnection!(id, conn)).toBe(false)
    expect(await g.filterMultiaddrForPeer!(id, multiaddr('/ip4/127.0.0.1/tcp/1'))).toBe(true)
  })

  it('refuses everyone else, in and out, and says where', async () => {
    const id = peerIdFromString(stranger)
    expect(await g.denyDialPeer!(id)).toBe(true)
    expect(await g.denyDialMultiaddr!(multiaddr(`/ip4/127.0.0.1/tcp/1/p2p/${stranger}`))).toBe(true)
    expect(await g.denyInboundEncryptedConnection!(id, conn)).toBe(true)
    expect(await g.denyOutboundEncryptedConnection!(id, conn)).toBe(true)
    expect(await g.filterMultiaddrForPeer!(id, multiaddr('/ip4/127.0.0.1/tcp/1'))).toBe(false)
    expect(denied).toContain('inbound-encrypted:stranger')
  })

  it('refuses dials to an address that names no peer, and relays', async () => {
    expect(await g.denyDialMultiaddr!(multiaddr('/ip4/127.0.0.1/tcp/1'))).toBe(true)
    expect(await g.denyInboundRelayReservation!(peerIdFromString(trusted))).toBe(true)
  })

  it('follows the allowlist at runtime', async () => {
    const later = newPeer()
    expect(await g.denyInboundEncryptedConnection!(peerIdFromString(later), conn)).toBe(true)
    allow.set({ peerId: later, publicKey: publicKeyOfPeerId(later), multiaddrs: [], amber: false, name: null })
    expect(await g.denyInboundEncryptedConnection!(peerIdFromString(later), conn)).toBe(false)
    allow.delete(later)
    expect(await g.denyInboundEncryptedConnection!(peerIdFromString(later), conn)).toBe(true)
  })
})

describe('peer input', () => {
  const id = newPeer()
  it('binds a multiaddr to the peer id', () => {
    expect(peerMultiaddr('/ip4/192.0.2.1/tcp/4001', id)).toBe(`/ip4/192.0.2.1/tcp/4001/p2p/${id}`)
    expect(peerMultiaddr(`/ip4/192.0.2.1/tcp/4001/p2p/${id}`, id)).toBe(`/ip4/192.0.2.1/tcp/4001/p2p/${id}`)
    expect(peerMultiaddr('/dns4/cert.example/tcp/4001', id)).toBe(`/dns4/cert.example/tcp/4001/p2p/${id}`)
  })
  it('refuses addresses that cannot be right', () => {
    expect(() => peerMultiaddr(`/ip4/192.0.2.1/tcp/4001/p2p/${newPeer()}`, id)).toThrow(PeerInputError)
    expect(() => peerMultiaddr('192.0.2.1:4001', id)).toThrow(/is not a multiaddr/)
    expect(() => peerMultiaddr('/ip4/192.0.2.1/udp/4001', id)).toThrow(/no \/tcp\//)
  })
  it('takes the signing key out of an Ed25519 peer id', () => {
    const seed = new Uint8Array(randomBytes(32))
    const pk = nodeEd25519.getPublicKey(seed)
    expect(publicKeyOfPeerId(peerIdFromPublicKey(pk))).toBe(Buffer.from(pk).toString('base64url'))
    expect(() => publicKeyOfPeerId('QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N')).toThrow(PeerInputError)
  })
})

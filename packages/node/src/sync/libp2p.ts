/**
 * The libp2p node of the sync service: TCP, Noise, Yamux, identify, ping, the allowlist
 * gater and, when configured, the pre-shared network key. Its identity is the node's
 * signing key (DESIGN.md invariant 2): generateKeyPairFromSeed('Ed25519', seed) gives the
 * same peer id as `peerIdFromPublicKey` in @certmesh/protocol.
 */
import { generateKeyPairFromSeed } from '@libp2p/crypto/keys'
import { identify } from '@libp2p/identify'
import type { Libp2p } from '@libp2p/interface'
import { noise } from '@libp2p/noise'
import { ping } from '@libp2p/ping'
import { preSharedKey } from '@libp2p/pnet'
import { tcp } from '@libp2p/tcp'
import { yamux } from '@libp2p/yamux'
import { createLibp2p } from 'libp2p'
import type { Allowlist } from './allowlist.js'
import { MAX_INCOMING_PENDING, MAX_STREAM_WINDOW } from './constants.js'
import { allowlistGater, type GaterEvents } from './gater.js'

export interface Libp2pOptions {
  seed: Uint8Array
  listen: readonly string[]
  allow: Allowlist
  networkKey?: Uint8Array
  maxConnections: number
  gaterEvents?: GaterEvents
}

export async function createSyncLibp2p(o: Libp2pOptions): Promise<Libp2p> {
  const privateKey = await generateKeyPairFromSeed('Ed25519', o.seed)
  return createLibp2p({
    privateKey,
    start: false,
    addresses: { listen: [...o.listen] },
    transports: [tcp()],
    connectionEncrypters: [noise()],
    streamMuxers: [yamux({ streamOptions: { maxStreamWindowSize: MAX_STREAM_WINDOW } })],
    ...(o.networkKey && { connectionProtector: preSharedKey({ psk: o.networkKey }) }),
    connectionGater: allowlistGater(o.allow, o.gaterEvents),
    connectionManager: {
      maxConnections: o.maxConnections,
      maxIncomingPendingConnections: MAX_INCOMING_PENDING,
    },
    services: { identify: identify(), ping: ping() },
  })
}

/**
 * The libp2p connection gater: only allowlisted peers get in or out (DESIGN.md invariant 6).
 * An inbound peer is known only once the Noise handshake has proved its key, so inbound
 * connections are refused right after encryption, before the muxer and before any protocol
 * runs. Dials are refused before a socket opens unless the target names a trusted peer.
 */
import type { ConnectionGater, PeerId } from '@libp2p/interface'
import type { Multiaddr } from '@multiformats/multiaddr'
import type { Allowlist } from './allowlist.js'

export interface GaterEvents {
  /** A connection or dial was refused (for logs and counters). */
  denied?(peer: string, stage: string): void
}

function peerOf(ma: Multiaddr): string | undefined {
  return ma.getComponents().findLast((c) => c.name === 'p2p')?.value
}

export function allowlistGater(allow: Allowlist, events: GaterEvents = {}): ConnectionGater {
  const deny = (peer: string | undefined, stage: string): boolean => {
    if (peer !== undefined && allow.has(peer)) return false
    events.denied?.(peer ?? '(unknown)', stage)
    return true
  }
  return {
    denyDialPeer: (peerId: PeerId) => deny(peerId.toString(), 'dial-peer'),
    denyDialMultiaddr: (ma: Multiaddr) => deny(peerOf(ma), 'dial-multiaddr'),
    denyOutboundConnection: (peerId: PeerId) => deny(peerId.toString(), 'outbound'),
    denyInboundEncryptedConnection: (peerId: PeerId) => deny(peerId.toString(), 'inbound-encrypted'),
    denyOutboundEncryptedConnection: (peerId: PeerId) => deny(peerId.toString(), 'outbound-encrypted'),
    denyInboundUpgradedConnection: (peerId: PeerId) => deny(peerId.toString(), 'inbound-upgraded'),
    denyOutboundUpgradedConnection: (peerId: PeerId) => deny(peerId.toString(), 'outbound-upgraded'),
    denyInboundRelayReservation: () => true,
    denyOutboundRelayedConnection: () => true,
    denyInboundRelayedConnection: () => true,
    filterMultiaddrForPeer: (peerId: PeerId) => allow.has(peerId.toString()),
  }
}

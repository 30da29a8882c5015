/**
 * The in-memory allowlist the connection gater and the protocol handlers consult
 * (DESIGN.md invariant 6). It mirrors the store's `peer` table; `peer add`/`peer remove`
 * change both at once, so the running node follows without a restart.
 */
import { publicKeyFromPeerId, base64urlEncode } from '@certmesh/protocol'
import { multiaddr, type Multiaddr } from '@multiformats/multiaddr'
import { PeerInputError } from './errors.js'

export interface TrustedPeer {
  readonly peerId: string
  /** base64url Ed25519 key inside the peer id. */
  readonly publicKey: string
  readonly multiaddrs: readonly string[]
  readonly amber: boolean
  readonly name: string | null
}

export class Allowlist {
  readonly #peers = new Map<string, TrustedPeer>()

  has(peerId: string): boolean {
    return this.#peers.has(peerId)
  }

  get(peerId: string): TrustedPeer | undefined {
    return this.#peers.get(peerId)
  }

  set(p: TrustedPeer): void {
    this.#peers.set(p.peerId, p)
  }

  delete(peerId: string): boolean {
    return this.#peers.delete(peerId)
  }

  all(): TrustedPeer[] {
    return [...this.#peers.values()]
  }

  /** True when `key` (base64url) is the key of a trusted peer. */
  hasKey(key: string): boolean {
    for (const p of this.#peers.values()) if (p.publicKey === key) return true
    return false
  }
}

/** The base64url public key of an Ed25519 peer id, or a PeerInputError saying what is wrong. */
export function publicKeyOfPeerId(peerId: string): string {
  try {
    return base64urlEncode(publicKeyFromPeerId(peerId))
  } catch (err) {
    throw new PeerInputError((err as Error).message)
  }
}

/**
 * Checks an operator's multiaddr and binds it to `peerId`: a dial then proves (in the
 * Noise handshake) that the remote holds that key. An address naming another peer is refused.
 */
export function peerMultiaddr(text: string, peerId: string): string {
  let ma: Multiaddr
  try {
    ma = multiaddr(text)
  } catch (err) {
    throw new PeerInputError(`'${text.slice(0, 200)}' is not a multiaddr: ${(err as Error).message}`)
  }
  const named = ma.getComponents().filter((c) => c.name === 'p2p').map((c) => c.value)
  if (named.some((p) => p !== peerId)) throw new PeerInputError(`multiaddr ${text} names peer ${named[0]}, not ${peerId}`)
  if (!ma.getComponents().some((c) => c.name === 'tcp')) throw new PeerInputError(`multiaddr ${text} has no /tcp/ part; certmesh dials TCP (e.g. /ip4/192.0.2.1/tcp/4001)`)
  return named.length > 0 ? ma.toString() : ma.encapsulate(`/p2p/${peerId}`).toString()
}

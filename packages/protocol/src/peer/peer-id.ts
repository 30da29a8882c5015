import { base58btcDecode, base58btcEncode } from './base58.js'

/**
 * The libp2p peer id of an Ed25519 key (libp2p peer-id spec): the identity multihash
 * (code 0x00, length 36) of the protobuf `PublicKey { Type: Ed25519 (1), Data: key }`,
 * written in base58btc. It always starts with "12D3KooW". Computed here so the CLI and
 * docs can show a node's peer id without loading libp2p.
 */
const PREFIX = Uint8Array.from([0x00, 0x24, 0x08, 0x01, 0x12, 0x20])

export class PeerIdError extends Error {
  override readonly name = 'PeerIdError'
}

export function peerIdFromPublicKey(publicKey: Uint8Array): string {
  if (publicKey.length !== 32) throw new PeerIdError('an Ed25519 public key is 32 bytes')
  const bytes = new Uint8Array(PREFIX.length + 32)
  bytes.set(PREFIX)
  bytes.set(publicKey, PREFIX.length)
  return base58btcEncode(bytes)
}

/** The Ed25519 public key inside a peer id; throws for ids of other key types. */
export function publicKeyFromPeerId(peerId: string): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = base58btcDecode(peerId)
  } catch (err) {
    throw new PeerIdError(`'${peerId}' is not a peer id: ${(err as Error).message}`)
  }
  if (bytes.length !== PREFIX.length + 32 || PREFIX.some((b, i) => bytes[i] !== b))
    throw new PeerIdError(`'${peerId}' is not the peer id of an Ed25519 key (it should start with 12D3KooW)`)
  return bytes.slice(PREFIX.length)
}

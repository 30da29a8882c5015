import { sha1 } from '@noble/hashes/legacy.js'

// RFC 9562 §5.5: name-based UUID, SHA-1 of namespace bytes || name bytes, version 5.
// SHA-1's collision weakness does not matter here: the name is a public key the verifier
// already holds, and the UUID is recomputed, never trusted (docs/protocol.md §4.1).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Raised when a namespace is not a lowercase canonical UUID string. */
export class UuidError extends Error {
  override readonly name = 'UuidError'
}

function uuidToBytes(uuid: string): Uint8Array {
  if (!UUID.test(uuid)) throw new UuidError(`namespace ${JSON.stringify(uuid)} is not a lowercase UUID`)
  const hex = uuid.replaceAll('-', '')
  const out = new Uint8Array(16)
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

function bytesToUuid(b: Uint8Array): string {
  let hex = ''
  for (let i = 0; i < 16; i++) hex += b[i]!.toString(16).padStart(2, '0')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** UUIDv5 of `name` (encoded as UTF-8) in `namespace`, lowercase (RFC 9562 §4). */
export function uuidV5(namespace: string, name: string): string {
  const ns = uuidToBytes(namespace)
  const nameBytes = new TextEncoder().encode(name)
  const input = new Uint8Array(ns.length + nameBytes.length)
  input.set(ns)
  input.set(nameBytes, ns.length)
  const digest = sha1(input).slice(0, 16)
  digest[6] = (digest[6]! & 0x0f) | 0x50 // version 5
  digest[8] = (digest[8]! & 0x3f) | 0x80 // RFC 9562 variant (10xx)
  return bytesToUuid(digest)
}

import type { Ed25519 } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { sodiumEd25519, sodiumLoadError } from '@certmesh/protocol/sodium'
import { ConfigError } from '../config/config.js'

/** Environment variable that picks the Ed25519 implementation: `sodium` or `node-crypto`. */
export const ED25519_ENV = 'CERTMESH_ED25519'

/**
 * The Ed25519 implementation the node signs and verifies with. libsodium (the optional
 * sodium-native addon) signs and verifies about twice as fast as OpenSSL 3.0 here, and
 * verification is the largest cost of a catch-up; node:crypto is the fallback where the
 * addon cannot load. Both follow docs/protocol.md §3.5 and are byte-identical to the
 * portable implementation (packages/protocol/vectors/signatures).
 */
export function chooseEd25519(choice = process.env[ED25519_ENV]): Ed25519 {
  if (choice === undefined || choice === '') return sodiumEd25519() ?? nodeEd25519
  if (choice === 'node-crypto') return nodeEd25519
  if (choice === 'sodium') {
    const sodium = sodiumEd25519()
    if (sodium === undefined) throw new ConfigError(`${ED25519_ENV}=sodium, but the sodium-native addon does not load on this platform (unset it to use node:crypto)`)
    return sodium
  }
  throw new ConfigError(`${ED25519_ENV} must be "sodium" or "node-crypto", got ${JSON.stringify(choice)}`)
}

let chosen: Ed25519 | undefined

/** The implementation chosen once per process (and per worker thread), on first use. */
export function activeEd25519(): Ed25519 {
  chosen ??= chooseEd25519()
  return chosen
}

/** Why the node fell back to node:crypto, or undefined when it did not try libsodium or it loaded. */
export function sodiumFallbackReason(): string | undefined {
  return activeEd25519() === nodeEd25519 ? sodiumLoadError() : undefined
}

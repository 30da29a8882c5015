import { base64urlEncode, identityIdForPublicKey, signObject, signToCanonical } from '@certmesh/protocol'
import { activeEd25519 } from './ed25519.js'
import { SigningPool, type PendingSignatures } from './pool.js'

/**
 * The node's signing identity: one seed, one public key, one key-bound STIX identity id
 * (DESIGN.md invariant 2). Signs with libsodium or node:crypto (./ed25519.ts), both far
 * faster than the portable implementation and byte-identical to it (proven by
 * packages/protocol/vectors/signatures).
 */
export class NodeSigner {
  readonly publicKey: Uint8Array
  readonly publicKeyB64: string
  readonly identityId: string
  readonly #pool: SigningPool

  /** `workers`: signing threads for large batches (signAll); 0 signs everything on this thread. */
  constructor(
    private readonly seed: Uint8Array,
    opts: { workers?: number } = {},
  ) {
    this.#pool = new SigningPool(seed, (m) => activeEd25519().sign(m, seed), opts.workers)
    this.publicKey = activeEd25519().getPublicKey(seed)
    this.publicKeyB64 = base64urlEncode(this.publicKey)
    this.identityId = identityIdForPublicKey(this.publicKey)
  }

  /** Returns a signed copy of `obj`; its `created_by_ref`, if any, must be this node's identity. */
  sign<T extends object>(obj: T): T {
    return signObject(obj, this.seed, activeEd25519())
  }

  /**
   * canonicalize(this.sign(obj)) for an object without `extensions`, canonicalized once
   * (protocol SigningPlan): the text the store keeps for an object we create.
   */
  signToJson(obj: Record<string, unknown>): string {
    return signToCanonical(obj, this.seed, activeEd25519())
  }

  /**
   * Ed25519 signatures of `messages`, in order (the bytes of protocol SigningPlan.message).
   * Large batches are shared with worker threads (pool.ts); the call stays synchronous.
   */
  signAll(messages: readonly Uint8Array[]): Uint8Array[] {
    return this.#pool.signAll(messages)
  }

  /**
   * Like signAll, but returns at once while worker threads sign; `wait()` gives the
   * signatures. Lets the caller build the next batch in the meantime.
   */
  beginSignAll(messages: readonly Uint8Array[]): PendingSignatures {
    return this.#pool.begin(messages)
  }

  /** Stops the signing threads, if any were started (they never keep the process alive). */
  close(): void {
    this.#pool.close()
  }
}

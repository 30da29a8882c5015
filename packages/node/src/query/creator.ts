import { base64urlDecode, identityIdForPublicKey } from '@certmesh/protocol'
import type { StoreReader } from '../store/index.js'

/**
 * Who created a stored version, and can we prove it. The store keeps only versions whose
 * signature verified on the way in (DESIGN.md invariant 1), so "verified" reduces to the
 * key binding of invariant 2: the creator the object names is the identity derived from
 * the key that signed it (docs/protocol.md §4.1).
 */

/** Bounded memo: the mapping is pure, the bound only caps memory under a flood of keys. */
const SIGNER_IDS = new Map<string, string | null>()
const MAX_SIGNER_IDS = 10_000

/** The key-bound identity id of a base64url public key; undefined when the text is no Ed25519 key. */
export function identityIdOfSigner(signer: string): string | undefined {
  let id = SIGNER_IDS.get(signer)
  if (id === undefined) {
    try {
      id = identityIdForPublicKey(base64urlDecode(signer))
    } catch {
      id = null
    }
    if (SIGNER_IDS.size >= MAX_SIGNER_IDS) SIGNER_IDS.clear()
    SIGNER_IDS.set(signer, id)
  }
  return id ?? undefined
}

export interface CreatorFacts {
  readonly id: string
  readonly type: string
  readonly signer: string | null
  readonly createdByRef: string | null
}

/**
 * True when the version is signed and its named creator is the signer's identity:
 * `created_by_ref` for ordinary objects, the object's own id for a self-signed identity.
 * A signed object that names no creator proves nothing about who made it: false.
 */
export function creatorVerified(v: CreatorFacts): boolean {
  if (v.signer === null) return false
  const bound = identityIdOfSigner(v.signer)
  if (bound === undefined) return false
  if (v.createdByRef !== null) return v.createdByRef === bound
  return v.type === 'identity' && v.id === bound
}

/**
 * Display names of identities, read from the store's current identity objects and kept
 * until `clear()` (the lookup clears it whenever the store's log has grown, so a renamed
 * organisation shows its new name on the next call).
 */
export class IdentityNames {
  private readonly names = new Map<string, string | null>()

  constructor(
    private readonly store: StoreReader,
    private readonly max = 10_000,
  ) {}

  get(identityId: string): string | undefined {
    let name = this.names.get(identityId)
    if (name === undefined) {
      name = readName(this.store, identityId)
      if (this.names.size >= this.max) this.names.clear()
      this.names.set(identityId, name)
    }
    return name ?? undefined
  }

  clear(): void {
    this.names.clear()
  }
}

function readName(store: StoreReader, identityId: string): string | null {
  const v = store.get(identityId)
  if (v === undefined || v.type !== 'identity') return null
  try {
    const name = (JSON.parse(v.json) as { name?: unknown }).name
    return typeof name === 'string' ? name : null
  } catch {
    return null
  }
}

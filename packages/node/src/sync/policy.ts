/**
 * TLP 2.0 on the wire (DESIGN.md invariant 4, docs/protocol.md §9.7), fail-closed.
 * `mayServe` runs on the server for every log entry before anything is sent; `mayAccept`
 * runs on the receiver, so a peer that breaks the rules is caught and counted too.
 */
import { base64urlDecode, identityIdForPublicKey, isTlp, type Tlp } from '@certmesh/protocol'
import type { StoredVersion } from '../store/index.js'

const identityIds = new Map<string, string>()

/** The key-bound identity id of a base64url key (docs/protocol.md §4.1), cached. */
function identityIdOf(key: string): string {
  let id = identityIds.get(key)
  if (id === undefined) {
    try {
      id = identityIdForPublicKey(base64urlDecode(key))
    } catch {
      id = '' // not a 32-byte key: it names no identity
    }
    if (identityIds.size > 4096) identityIds.clear()
    identityIds.set(key, id)
  }
  return id
}

/**
 * An unmarked `identity` object that is its signer's own organisation identity counts as
 * TLP:GREEN on every node: it is what lets a receiver name the creator of a relayed
 * object (provenance). Anything else unmarked stays unmarked (null).
 */
export function isOwnIdentity(type: string, id: string, signer: string): boolean {
  return type === 'identity' && id.startsWith('identity--') && id === identityIdOf(signer)
}

export interface ServeContext {
  /** This node's public key, base64url. */
  readonly selfKey: string
  /** The TLP the node gives its own new objects; applies to its own unmarked objects. */
  readonly defaultTlp: Tlp
  /** The requesting peer may receive AMBER from this node. */
  readonly peerAmber: boolean
  /** The requesting peer's id: versions whose origin it is are never sent back (docs/protocol.md §9.4). */
  readonly peerId?: string
}

/** What mayServe reads of a log entry; `origin` only matters with `ServeContext.peerId`. */
export type ServableVersion = Pick<StoredVersion, 'status' | 'signer' | 'tlp' | 'type' | 'id'> & { readonly origin?: string }

export type ServeDecision =
  | { send: true }
  | {
      send: false
      reason: 'echo' | 'quarantined' | 'unsigned' | 'red' | 'unknown-marking' | 'amber-relay' | 'amber-not-allowed' | 'unmarked-relay'
    }

const no = (reason: Extract<ServeDecision, { send: false }>['reason']): ServeDecision => ({ send: false, reason })

/** The level that governs a stored version here, or undefined when its marking text is not a TLP level. */
function levelOf(v: Pick<StoredVersion, 'tlp' | 'signer' | 'type' | 'id'>, ctx: ServeContext): Tlp | null | undefined {
  if (v.tlp === null) {
    if (v.signer !== null && isOwnIdentity(v.type, v.id, v.signer)) return 'green'
    return v.signer === ctx.selfKey ? ctx.defaultTlp : null
  }
  return isTlp(v.tlp) ? v.tlp : undefined
}

export function mayServe(v: ServableVersion, ctx: ServeContext): ServeDecision {
  if (ctx.peerId !== undefined && v.origin === ctx.peerId) return no('echo')
  if (v.status !== 'valid') return no('quarantined')
  // Invariant 1: only signed objects leave; unsigned local objects (built-ins) never do.
  if (v.signer === null) return no('unsigned')
  const level = levelOf(v, ctx)
  if (level === undefined) return no('unknown-marking')
  if (level === null) return no('unmarked-relay')
  switch (level) {
    case 'clear':
    case 'green':
      return { send: true }
    case 'amber':
    case 'amber+strict':
      if (v.signer !== ctx.selfKey) return no('amber-relay')
      return ctx.peerAmber ? { send: true } : no('amber-not-allowed')
    default:
      return no('red')
  }
}

export type AcceptDecision = { accept: true } | { accept: false; reason: 'tlp-red' | 'tlp-amber-relayed' | 'tlp-unmarked-relayed' }

/**
 * What a correct server may have sent: CLEAR/GREEN from anyone, AMBER and unmarked objects
 * only when the sending peer created them, never RED (or an unknown marking, which
 * `effectiveTlp` already reads as RED). A sender's own unmarked identity counts as GREEN.
 */
export function mayAccept(v: { tlp: Tlp | null; type: string; id: string; signer: string }, senderKey: string): AcceptDecision {
  const tlp = v.tlp === null && isOwnIdentity(v.type, v.id, v.signer) ? 'green' : v.tlp
  if (tlp === 'red') return { accept: false, reason: 'tlp-red' }
  if (tlp === 'clear' || tlp === 'green') return { accept: true }
  if (v.signer === senderKey) return { accept: true }
  return { accept: false, reason: tlp === null ? 'tlp-unmarked-relayed' : 'tlp-amber-relayed' }
}

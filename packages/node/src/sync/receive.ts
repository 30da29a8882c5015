/**
 * What a puller does with one batch (docs/protocol.md §9.4, receiver rules §9.7):
 * skip what is already held, verify every other object against its own signature, apply
 * the TLP and creator rules, then store the batch and the cursor past it in ONE
 * transaction (DESIGN.md invariant 5). A bad object is rejected, logged and counted on
 * the peer; the rest of the batch goes on.
 */
import { effectiveTlp, identityIdForPublicKey, base64urlDecode } from '@certmesh/protocol'
import { prepareVersion, PrepareError, sha256Hex } from '../ingest/prepare.js'
import type { Logger } from '../log.js'
import { StoreInputError, type PreparedVersion, type PutResult, type Store } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'
import type { Allowlist } from './allowlist.js'
import type { CounterBook } from './counters.js'
import { isOwnIdentity, mayAccept } from './policy.js'
import type { CheckOutcome, Verifier } from './verify.js'

/** Flag on versions whose creator this node had never heard of (docs/protocol.md §9.7). */
export const CREATOR_UNKNOWN_FLAG = 'creator-unknown'

export interface ReceiverDeps {
  store: Store
  verifier: Verifier
  allow: Allowlist
  counters: CounterBook
  selfKey: string
  acceptUnknownCreators: boolean
  matcher?: WarninglistMatcher
  log: Logger
}

/** Objects of one batch that passed the cheap checks, waiting for their signatures. */
export interface PendingBatch {
  readonly through: number
  /** `hash`: the text's SHA-256 when the held-check computed it; otherwise the checks compute it. */
  readonly fresh: { text: string; obj: Record<string, unknown>; hash?: string }[]
  readonly checks: Promise<CheckOutcome[]>
  /** Set once `checks` has settled: commit() then did not wait for the verifier. */
  readonly settled: { done: boolean }
  readonly unchanged: number
}

export interface BatchOutcome {
  stored: number
  unchanged: number
  rejected: number
}

export class Receiver {
  readonly #known = new Set<string>()

  constructor(private readonly d: ReceiverDeps) {}

  /** Step 1, synchronous: parse, skip versions held byte for byte, start the signature checks. */
  begin(peer: string, objects: readonly string[], through: number): PendingBatch {
    const parsed: { text: string; obj: Record<string, unknown> }[] = []
    for (const text of objects) {
      let obj: unknown
      try {
        obj = JSON.parse(text)
      } catch (err) {
        this.#reject(peer, undefined, 'malformed', `not JSON: ${(err as Error).message.slice(0, 120)}`)
        continue
      }
      if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
        this.#reject(peer, undefined, 'malformed', 'not a JSON object')
        continue
      }
      parsed.push({ text, obj: obj as Record<string, unknown> })
    }
    // One query says which ids are held at all; only their versions need the exact check
    // (a catch-up of new objects, the bulk of any sync, then costs no per-object query).
    const held = this.d.store.heldIds(parsed.flatMap(({ obj }) => (typeof obj.id === 'string' ? [obj.id] : [])))
    const fresh: PendingBatch['fresh'] = []
    let unchanged = 0
    for (const { text, obj: o } of parsed) {
      const modified = typeof o.modified === 'string' ? o.modified : o.created
      if (typeof o.id !== 'string' || typeof modified !== 'string' || !held.has(o.id)) {
        // New ids, the bulk of a catch-up: the checks (in a worker thread) hash the text.
        fresh.push({ text, obj: o })
        continue
      }
      const hash = sha256Hex(text)
      try {
        if (this.d.store.has(o.id, modified, hash)) {
          unchanged++
          continue
        }
      } catch {
        // An unreadable timestamp: the checks below reject it with a precise reason.
      }
      fresh.push({ text, obj: o, hash })
    }
    const checks = this.d.verifier.check(fresh.map((f) => f.text))
    const settled = { done: false }
    // A pull that fails before commit never awaits this; its failure is reported there.
    checks.then(
      () => (settled.done = true),
      () => (settled.done = true),
    )
    return { through, fresh, unchanged, checks, settled }
  }

  /**
   * Step 2: policy, prepare, and ONE transaction for consecutive batches and the cursor past
   * the last of them. Every commit rewrites the index pages the batch touched, so a
   * catch-up that commits several wire batches together writes fewer pages per object.
   */
  async commit(peer: string, senderKey: string, batches: readonly PendingBatch[]): Promise<BatchOutcome> {
    const last = batches[batches.length - 1]
    if (last === undefined) return { stored: 0, unchanged: 0, rejected: 0 }
    const versions: PreparedVersion[] = []
    let rejected = 0
    let unchanged = 0
    if (batches[0]!.fresh.length > 0) this.d.verifier.balance?.(!batches[0]!.settled.done)
    for (const batch of batches) {
      const checks = await batch.checks
      unchanged += batch.unchanged
      batch.fresh.forEach(({ text, obj, hash }, i) => {
        const c = checks[i]!
        const id = typeof obj.id === 'string' ? obj.id : undefined
        if (!c.ok) {
          rejected++
          return this.#reject(peer, id, c.reason, c.message)
        }
        const v = this.#prepare(peer, senderKey, text, hash ?? c.hash, obj, c.signer)
        if (typeof v === 'string') rejected++
        else versions.push(v)
      })
    }
    const results = this.#store(peer, versions, last.through)
    let stored = 0
    results.forEach((r, i) => {
      if (r === null) rejected++
      else if (r.status === 'rejected') {
        rejected++
        this.#reject(peer, versions[i]!.id, r.reason, r.message)
      } else if (r.status === 'unchanged') unchanged++
      else stored++
    })
    this.d.counters.received(peer, stored)
    return { stored, unchanged, rejected }
  }

  /** Returns the version to store, or the reason it was rejected. */
  #prepare(peer: string, senderKey: string, text: string, hash: string, obj: Record<string, unknown>, signer: string): PreparedVersion | string {
    const id = String(obj.id)
    const type = String(obj.type)
    const tlp = effectiveTlp(obj)
    const tlpOk = mayAccept({ tlp, type, id, signer }, senderKey)
    if (!tlpOk.accept) return this.#reject(peer, id, tlpOk.reason, `a peer must not send this object (TLP ${tlp ?? 'unmarked'}, created by ${signer})`)
    const known = this.#isKnown(signer)
    if (!known && !this.d.acceptUnknownCreators)
      return this.#reject(peer, id, 'creator-unknown', `creator key ${signer} is not a peer and its identity is not held here`)
    let v: PreparedVersion
    try {
      v = prepareVersion(obj, text, { origin: peer, signer, hash, ...(this.d.matcher && { matcher: this.d.matcher }) })
    } catch (err) {
      if (err instanceof PrepareError) return this.#reject(peer, id, 'unpreparable', err.message)
      throw err
    }
    if (isOwnIdentity(type, id, signer)) this.#known.add(signer)
    if (known) return v
    this.d.log.info('object from an unknown creator accepted and flagged', { peer, id, signer })
    return { ...v, flags: [...(v.flags ?? []), CREATOR_UNKNOWN_FLAG] }
  }

  /** A creator is known when it is this node, a trusted peer, or its identity object is held here. */
  #isKnown(signer: string): boolean {
    if (signer === this.d.selfKey || this.#known.has(signer) || this.d.allow.hasKey(signer)) return true
    let identityId: string
    try {
      identityId = identityIdForPublicKey(base64urlDecode(signer))
    } catch {
      return false
    }
    const held = this.d.store.get(identityId)
    if (held !== undefined && held.signer === signer) {
      this.#known.add(signer)
      return true
    }
    return false
  }

  /** Results per version; null = refused by the store's input checks (already counted). */
  #store(peer: string, versions: PreparedVersion[], through: number): (PutResult | null)[] {
    try {
      return this.d.store.putBatch(versions, { cursor: { peer, seq: through } })
    } catch (err) {
      if (!(err instanceof StoreInputError)) throw err
      // One version the checks let through is refused by the store: isolate it so that it
      // cannot block the peer's log forever. put() is idempotent, so this stays crash-safe.
      const results = versions.map((v): PutResult | null => {
        try {
          return this.d.store.put(v)
        } catch (e) {
          if (!(e instanceof StoreInputError)) throw e
          this.#reject(peer, v.id, 'store-refused', e.message)
          return null
        }
      })
      this.d.store.setCursor(peer, through)
      return results
    }
  }

  #reject(peer: string, id: string | undefined, reason: string, message: string): string {
    this.d.counters.rejected(peer, reason)
    this.d.log.warn('object rejected', { peer, id: id ?? null, reason, message })
    return reason
  }
}

/**
 * One normalised observable → our signed indicator in the store, or the existing
 * equivalent one. Shared by the API (one indicator) and file imports (many). Work is done
 * per batch, not per indicator: one store query answers the dedup keys of a whole batch,
 * each object is canonicalized once (protocol SigningPlan), the batch is signed on worker
 * threads while this thread reads and builds the next one, then its versions wait for
 * the store transaction they share with the next batches (SIGN_BATCH_SIZE and BATCH_SIZE
 * in constants.ts say why the two sizes differ).
 */
import { buildPattern, SigningPlan, type Observable } from '@certmesh/protocol'
import type { PendingSignatures } from '../sign/pool.js'
import type { ObservableMatch, PreparedVersion, Store } from '../store/index.js'
import { itemFor } from './batch.js'
import { BATCH_SIZE, SIGN_BATCH_SIZE } from './constants.js'
import type { IngestDeps } from './context.js'
import { dedupCandidates, dedupLookupKeys, pickExisting } from './dedup.js'
import { unsignedIndicator, validityWindow, type IndicatorAttributes, type IndicatorContext } from './indicator.js'
import { prepareVersion } from './prepare.js'
import { rejected, type IngestItem, type ReportBuilder, type Status } from './report.js'

/**
 * The dedup key (docs/protocol.md §7.5) of a pattern buildPattern made from ONE
 * normalised observable is the pattern itself: one comparison (nothing to sort), a value
 * already normalised, hash names already canonical, and buildPattern quotes and escapes
 * exactly as printPattern does (§8.12, §7.3). pipeline.test.ts checks this for every
 * observable type, so the hot path skips parsing the pattern it has just written.
 */
export function singleObservableDedupKey(pattern: string): string {
  return pattern
}

/** An indicator waiting for its batch; `followers` are later items of this operation with the same key. */
interface Queued {
  readonly o: Observable
  readonly attrs: IndicatorAttributes
  readonly window: [number, number]
  /** The pattern, which is also its dedup key (singleObservableDedupKey). */
  readonly pattern: string
  readonly slot: number
  readonly followers: number[]
}

/** A batch being signed: the new indicators, their unsigned objects and signing plans. */
interface InFlight {
  readonly fresh: readonly Queued[]
  readonly objects: readonly Record<string, unknown>[]
  readonly plans: readonly SigningPlan[]
  readonly signatures: PendingSignatures
}

export class IndicatorPipeline {
  readonly #ctx: IndicatorContext
  readonly #ourKey: string
  readonly #now: number
  readonly #size: number
  readonly #writeSize: number
  #queue: Queued[] = []
  /** Signed versions waiting for the next store transaction, and their report slots. */
  #writes: PreparedVersion[] = []
  #writeSlots: number[] = []
  #inFlight: InFlight | undefined
  /** Dedup keys queued or being signed, not yet settled. */
  readonly #queued = new Map<string, Queued>()
  /**
   * Dedup keys settled earlier in this operation (created by it, or found in the store),
   * each → the report slot that holds its id and flags: no per-key object to keep.
   */
  readonly #settled = new Map<string, number>()

  constructor(
    private readonly deps: IngestDeps & { store: Store },
    private readonly report: ReportBuilder,
    private readonly origin: string,
    now: number,
    size: number = SIGN_BATCH_SIZE,
    writeSize: number = BATCH_SIZE,
  ) {
    this.#ctx = { signer: deps.signer, now, validityDays: deps.config.indicators.validityDays }
    this.#ourKey = deps.signer.publicKeyB64
    this.#now = now
    this.#size = size
    this.#writeSize = writeSize
  }

  /**
   * Adds the item for `o` to the report and returns its slot. The item's id, flags and
   * status are final only after `flush`.
   */
  add(o: Observable, attrs: IndicatorAttributes, source?: IngestItem['source']): number {
    const window = validityWindow(o, attrs, this.#ctx)
    if (typeof window === 'string') return this.report.add(rejected('invalid-validity', window, { type: 'indicator', value: o.value, ...(source !== undefined && { source }) }))
    const pattern = singleObservableDedupKey(buildPattern(o))
    const settled = this.#settled.get(pattern)
    if (settled !== undefined) {
      const slot = this.report.addIndicator('unchanged', o.value, source)
      this.report.resolve(slot, 'unchanged', this.report.id(settled) as string, this.report.flags(settled))
      return slot
    }
    const queued = this.#queued.get(pattern)
    if (queued !== undefined) {
      const slot = this.report.addIndicator('unchanged', o.value, source)
      queued.followers.push(slot)
      return slot
    }
    const slot = this.report.addIndicator('created', o.value, source)
    const q: Queued = { o, attrs, window, pattern, slot, followers: [] }
    this.#queue.push(q)
    this.#queued.set(pattern, q)
    if (this.#queue.length >= this.#size) this.#dispatch()
    return slot
  }

  /** Signs and stores everything added so far; every report item is final afterwards. */
  flush(): void {
    this.#dispatch()
    this.#complete()
    this.#write()
  }

  /** Dedups the queued batch against the store, starts signing it, and stores the batch before it. */
  #dispatch(): void {
    const queue = this.#queue
    if (queue.length === 0) return
    this.#queue = []
    const found = this.#existing(queue)
    const fresh: Queued[] = []
    const objects: Record<string, unknown>[] = []
    const plans: SigningPlan[] = []
    const messages: Uint8Array[] = []
    for (const q of queue) {
      const existing = pickExisting(dedupCandidates(found, q.pattern, q.o, this.#ourKey), this.#ourKey, this.#now, q.window[1])
      if (existing !== undefined) {
        this.#settle(q, 'unchanged', existing.id, existing.flags)
        continue
      }
      const obj = unsignedIndicator(q.o, q.attrs, this.#ctx, q.pattern, q.window)
      const plan = new SigningPlan(obj)
      fresh.push(q)
      objects.push(obj)
      plans.push(plan)
      messages.push(plan.message)
    }
    const signatures = this.deps.signer.beginSignAll(messages)
    // The batch before this one was signed while this one was read and built.
    this.#complete()
    this.#inFlight = { fresh, objects, plans, signatures }
  }

  /** Settles the signed batch (ids and flags are final now) and queues its versions for the store. */
  #complete(): void {
    const batch = this.#inFlight
    if (batch === undefined) return
    this.#inFlight = undefined
    const { fresh, objects, plans } = batch
    const signatures = batch.signatures.wait()
    const publicKey = this.deps.signer.publicKey
    fresh.forEach((q, i) => {
      const version = prepareVersion(objects[i] as Record<string, unknown>, (plans[i] as SigningPlan).signedJson(publicKey, signatures[i] as Uint8Array), {
        origin: this.origin,
        signer: this.#ourKey,
        ...(this.deps.matcher !== undefined && { matcher: this.deps.matcher }),
        known: { observables: [q.o], dedupKey: q.pattern },
      })
      this.#settle(q, 'created', version.id, version.flags ?? NO_FLAGS)
      this.#writes.push(version)
      this.#writeSlots.push(q.slot)
    })
    if (this.#writes.length >= this.#writeSize) this.#write()
  }

  /** One store transaction for the versions signed so far; each write's result → its item. */
  #write(): void {
    const versions = this.#writes
    const slots = this.#writeSlots
    if (versions.length === 0) return
    this.#writes = []
    this.#writeSlots = []
    const results = this.deps.store.putBatch(versions)
    results.forEach((r, i) => {
      const slot = slots[i] as number
      if (r.status === 'created' || r.status === 'updated' || r.status === 'unchanged') this.report.setStatus(slot, r.status)
      else this.report.set(slot, itemFor(this.report.get(slot), versions[i] as PreparedVersion, r))
    })
  }

  /** Store matches of the batch's dedup lookup keys, by key: one IN query instead of one query per indicator. */
  #existing(queue: readonly Queued[]): Map<string, ObservableMatch[]> {
    const byKey = new Map<string, ObservableMatch[]>()
    for (const m of this.deps.store.lookupObservableKeys(queue.flatMap((q) => dedupLookupKeys(q.pattern, q.o)))) {
      const list = byKey.get(m.key)
      if (list === undefined) byKey.set(m.key, [m])
      else list.push(m)
    }
    return byKey
  }

  #settle(q: Queued, status: Status, id: string, flags: readonly string[]): void {
    this.#queued.delete(q.pattern)
    this.#settled.set(q.pattern, q.slot)
    this.report.resolve(q.slot, status, id, flags)
    for (const slot of q.followers) this.report.resolve(slot, 'unchanged', id, flags)
  }
}

const NO_FLAGS: readonly string[] = []

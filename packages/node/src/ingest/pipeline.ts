/**
 * One normalised observable → our signed indicator in the store, or the existing
 * equivalent one. Shared by the API (one indicator) and file imports (many). Work is done
 * per batch, not per indicator: one store query answers the dedup keys of a whole batch,
 * each object is canonicalized once (protocol SigningPlan), the batch is signed on worker
 * threads while this thread reads and builds the next one, then it is stored in one
 * transaction.
 */
import { buildPattern, SigningPlan, type Observable } from '@certmesh/protocol'
import type { PendingSignatures } from '../sign/pool.js'
import type { ObservableMatch, Store } from '../store/index.js'
import { BatchWriter } from './batch.js'
import { BATCH_SIZE, PATTERN_KEY_PREFIX } from './constants.js'
import type { IngestDeps } from './context.js'
import { pickExisting, type Existing } from './dedup.js'
import { unsignedIndicator, validityWindow, type IndicatorAttributes, type IndicatorContext } from './indicator.js'
import { prepareVersion } from './prepare.js'
import { rejected, type IngestItem, type ReportBuilder } from './report.js'

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
  readonly pattern: string
  readonly dedupKey: string
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
  readonly writer: BatchWriter
  readonly #ctx: IndicatorContext
  readonly #ourKey: string
  readonly #now: number
  readonly #size: number
  #queue: Queued[] = []
  #inFlight: InFlight | undefined
  /** Dedup keys queued or being signed, not yet settled. */
  readonly #queued = new Map<string, Queued>()
  /** Dedup keys settled earlier in this operation (created by it, or found in the store). */
  readonly #settled = new Map<string, Existing>()

  constructor(
    private readonly deps: IngestDeps & { store: Store },
    private readonly report: ReportBuilder,
    private readonly origin: string,
    now: number,
    size: number = BATCH_SIZE,
  ) {
    this.writer = new BatchWriter(deps.store, report, Number.MAX_SAFE_INTEGER)
    this.#ctx = { signer: deps.signer, now, validityDays: deps.config.indicators.validityDays }
    this.#ourKey = deps.signer.publicKeyB64
    this.#now = now
    this.#size = size
  }

  /**
   * Adds the item for `o` to the report and returns its slot. The item's id, flags and
   * status are final only after `flush`.
   */
  add(o: Observable, attrs: IndicatorAttributes, source?: IngestItem['source']): number {
    const window = validityWindow(o, attrs, this.#ctx)
    if (typeof window === 'string') return this.report.add(rejected('invalid-validity', window, { type: 'indicator', value: o.value, ...(source !== undefined && { source }) }))
    const pattern = buildPattern(o)
    const dedupKey = singleObservableDedupKey(pattern)
    const settled = this.#settled.get(dedupKey)
    if (settled !== undefined) return this.report.add(unchanged(o.value, source, settled))
    const queued = this.#queued.get(dedupKey)
    if (queued !== undefined) {
      const slot = this.report.add({ status: 'unchanged', type: 'indicator', value: o.value, ...(source !== undefined && { source }) })
      queued.followers.push(slot)
      return slot
    }
    const slot = this.report.add({ status: 'created', type: 'indicator', value: o.value, ...(source !== undefined && { source }) })
    const q: Queued = { o, attrs, window, pattern, dedupKey, slot, followers: [] }
    this.#queue.push(q)
    this.#queued.set(dedupKey, q)
    if (this.#queue.length >= this.#size) this.#dispatch()
    return slot
  }

  /** Signs and stores everything added so far; every report item is final afterwards. */
  flush(): void {
    this.#dispatch()
    this.#complete()
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
    for (const q of queue) {
      const existing = pickExisting(found.get(PATTERN_KEY_PREFIX + q.dedupKey) ?? NONE, this.#ourKey, this.#now, q.window[1])
      if (existing !== undefined) {
        this.#settle(q, existing, unchanged(q.o.value, this.report.get(q.slot).source, existing))
        continue
      }
      const obj = unsignedIndicator(q.o, q.attrs, this.#ctx, q.pattern, q.window)
      fresh.push(q)
      objects.push(obj)
      plans.push(new SigningPlan(obj))
    }
    const signatures = this.deps.signer.beginSignAll(plans.map((p) => p.message))
    // The batch before this one was signed while this one was read and built.
    this.#complete()
    this.#inFlight = { fresh, objects, plans, signatures }
  }

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
        known: { observables: [q.o], dedupKey: q.dedupKey },
      })
      const flags = version.flags !== undefined && version.flags.length > 0 ? { flags: [...version.flags] } : {}
      this.#settle(q, { id: version.id, flags: version.flags ?? [] }, { ...this.report.get(q.slot), id: version.id, ...flags })
      this.writer.add(version, q.slot)
    })
    this.writer.flush()
  }

  /** Store matches of the batch's pattern keys, by key: one IN query instead of one query per indicator. */
  #existing(queue: readonly Queued[]): Map<string, ObservableMatch[]> {
    const byKey = new Map<string, ObservableMatch[]>()
    for (const m of this.deps.store.lookupObservableKeys(queue.map((q) => PATTERN_KEY_PREFIX + q.dedupKey))) {
      const list = byKey.get(m.key)
      if (list === undefined) byKey.set(m.key, [m])
      else list.push(m)
    }
    return byKey
  }

  #settle(q: Queued, existing: Existing, item: IngestItem): void {
    this.#queued.delete(q.dedupKey)
    this.#settled.set(q.dedupKey, existing)
    this.report.set(q.slot, item)
    for (const slot of q.followers) this.report.set(slot, unchanged(this.report.get(slot).value ?? q.o.value, this.report.get(slot).source, existing))
  }
}

const NONE: readonly ObservableMatch[] = []

function unchanged(value: string, source: IngestItem['source'], existing: Existing): IngestItem {
  return { status: 'unchanged', type: 'indicator', value, ...(source !== undefined && { source }), id: existing.id, ...(existing.flags.length > 0 && { flags: [...existing.flags] }) }
}

/**
 * Signature checks in worker threads, so that verifying batch k+1 overlaps writing batch k
 * on the main thread (Ed25519 verify and SQLite inserts are the two ceilings of a catch-up).
 * Each batch goes to the least busy worker; results keep the batch's order.
 */
import { Worker } from 'node:worker_threads'
import { SyncError } from './errors.js'
import { checkObjectText, type CheckOutcome, type Verifier } from './verify.js'

/**
 * The calling thread checks a share of each batch itself while the workers check the rest,
 * and the share follows the load (balance()). Which side is the bottleneck of a catch-up
 * changes with the store's size: on an empty store the main thread (parse, prepare, store)
 * waited for the single worker, and taking 10% of the checks was fastest (bench/sync,
 * 200,000 objects with libsodium: ~8,400/s with 0, ~8,700–8,900/s with 0.1, ~7,100–8,200/s
 * with 0.25); at a million objects the store's writes make the main thread the bottleneck
 * and any share slowed it (7,578/s with 0 against 6,982/s with 0.1). Single runs differ by
 * up to ±10% on this 2-core machine, so these are tendencies, not exact optima.
 */
export const MAX_INLINE_SHARE = 0.5
/** How far one balance() call moves the share. */
export const INLINE_SHARE_STEP = 0.05

interface Job {
  resolve: (r: CheckOutcome[]) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  busy: number
  /** Set when the worker has loaded the checks; until then jobs wait for `ready`. */
  started: boolean
  ready: Promise<void>
}

export class VerifyPool implements Verifier {
  readonly #slots: Slot[]
  readonly #jobs = new Map<number, Job>()
  #nextId = 0
  #closed = false

  #inlineShare = 0
  readonly #fixedShare: boolean

  /** `inlineShare`: a fixed share for the calling thread; without it the share adapts (balance()). */
  constructor(threads: number, inlineShare?: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new SyncError(`verify threads must be a whole number ≥ 1, got ${threads}`)
    if (inlineShare !== undefined && !(inlineShare >= 0 && inlineShare < 1)) throw new SyncError(`inline share must be in [0, 1), got ${inlineShare}`)
    this.#slots = Array.from({ length: threads }, () => this.#spawn())
    this.#fixedShare = inlineShare !== undefined
    this.#inlineShare = inlineShare ?? 0
  }

  /** The share of each batch the calling thread checks now. */
  get inlineShare(): number {
    return this.#inlineShare
  }

  /**
   * Told, per commit, whether the caller had to wait for the checks: if it did, the workers
   * are behind and the calling thread takes a larger share; if not, it leaves them more.
   */
  balance(waited: boolean): void {
    if (this.#fixedShare) return
    const next = this.#inlineShare + (waited ? INLINE_SHARE_STEP : -INLINE_SHARE_STEP)
    this.#inlineShare = Math.min(MAX_INLINE_SHARE, Math.max(0, Math.round(next * 100) / 100))
  }

  #spawn(): Slot {
    const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url))
    worker.unref()
    let ready!: () => void
    const slot: Slot = { worker, busy: 0, started: false, ready: new Promise<void>((r) => (ready = r)) }
    worker.on('message', (m: { ready?: true; id?: number; results?: CheckOutcome[] }) => {
      if (m.ready) {
        slot.started = true
        return ready()
      }
      const job = this.#jobs.get(m.id!)
      this.#jobs.delete(m.id!)
      slot.busy--
      job?.resolve(m.results!)
    })
    worker.on('error', (err) => this.#failAll(err))
    return slot
  }

  #failAll(err: Error): void {
    for (const job of this.#jobs.values()) job.reject(new SyncError(`verify worker failed: ${err.message}`))
    this.#jobs.clear()
  }

  async check(texts: readonly string[]): Promise<CheckOutcome[]> {
    if (this.#closed) throw new SyncError('verify pool is closed')
    if (texts.length === 0) return []
    const own = Math.floor(texts.length * this.#inlineShare)
    if (own === 0) return this.#post(texts)
    // The workers start on their share before this thread checks its own.
    const theirs = this.#post(texts.slice(0, texts.length - own))
    const mine = texts.slice(texts.length - own).map(checkObjectText)
    return [...(await theirs), ...mine]
  }

  /** Resolves when every worker has loaded the checks (they start on construction). */
  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.ready))
  }

  /** Jobs handed to the workers and not answered yet. */
  get inFlight(): number {
    return this.#jobs.size
  }

  /**
   * Posts at once, not after an `await`: check() runs its own share synchronously right
   * after this returns, and a post deferred to a microtask left the worker idle until that
   * share was done, so the two halves of a batch ran one after the other.
   */
  #post(texts: readonly string[]): Promise<CheckOutcome[]> {
    const slot = this.#slots.reduce((a, b) => (b.busy < a.busy ? b : a))
    const id = this.#nextId++
    slot.busy++
    const answer = new Promise<CheckOutcome[]>((resolve, reject) => this.#jobs.set(id, { resolve, reject }))
    if (slot.started) slot.worker.postMessage({ id, texts })
    else void slot.ready.then(() => slot.worker.postMessage({ id, texts }))
    return answer
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#failAll(new Error('closed'))
    await Promise.all(this.#slots.map((s) => s.worker.terminate()))
  }
}

/**
 * Signature checks in worker threads, so that verifying batch k+1 overlaps writing batch k
 * on the main thread (Ed25519 verify and SQLite inserts are the two ceilings of a catch-up).
 * Each batch goes to the least busy worker; results keep the batch's order.
 */
import { Worker } from 'node:worker_threads'
import { SyncError } from './errors.js'
import { checkObjectText, type CheckOutcome, type Verifier } from './verify.js'

/**
 * Share of each batch the calling thread checks itself while the workers check the rest.
 * With one worker the worker was the bottleneck of a catch-up (verify ~130 µs per object
 * plus parsing, canonical form and validation) while the main thread, which parses,
 * prepares and stores (~100 µs per object), idled a fifth of the time waiting for it;
 * taking a quarter of the checks balanced the two best (bench/sync, 100,000 objects:
 * 5,549/s with none, 6,407/s with 0.2, 6,673/s with 0.25, 6,599/s with 0.3). With two or
 * more workers the calling thread leaves the checks to them.
 */
export function defaultInlineShare(threads: number): number {
  return threads === 1 ? 0.25 : 0
}

interface Job {
  resolve: (r: CheckOutcome[]) => void
  reject: (e: Error) => void
}

interface Slot {
  worker: Worker
  busy: number
  ready: Promise<void>
}

export class VerifyPool implements Verifier {
  readonly #slots: Slot[]
  readonly #jobs = new Map<number, Job>()
  #nextId = 0
  #closed = false

  readonly #inlineShare: number

  constructor(threads: number, inlineShare = defaultInlineShare(threads)) {
    if (!Number.isInteger(threads) || threads < 1) throw new SyncError(`verify threads must be a whole number ≥ 1, got ${threads}`)
    if (!(inlineShare >= 0 && inlineShare < 1)) throw new SyncError(`inline share must be in [0, 1), got ${inlineShare}`)
    this.#slots = Array.from({ length: threads }, () => this.#spawn())
    this.#inlineShare = inlineShare
  }

  #spawn(): Slot {
    const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url))
    worker.unref()
    let ready!: () => void
    const slot: Slot = { worker, busy: 0, ready: new Promise<void>((r) => (ready = r)) }
    worker.on('message', (m: { ready?: true; id?: number; results?: CheckOutcome[] }) => {
      if (m.ready) return ready()
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

  async #post(texts: readonly string[]): Promise<CheckOutcome[]> {
    const slot = this.#slots.reduce((a, b) => (b.busy < a.busy ? b : a))
    await slot.ready
    const id = this.#nextId++
    slot.busy++
    return new Promise((resolve, reject) => {
      this.#jobs.set(id, { resolve, reject })
      slot.worker.postMessage({ id, texts })
    })
  }

  async close(): Promise<void> {
    this.#closed = true
    this.#failAll(new Error('closed'))
    await Promise.all(this.#slots.map((s) => s.worker.terminate()))
  }
}

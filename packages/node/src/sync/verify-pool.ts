/**
 * Signature checks in worker threads, so that verifying batch k+1 overlaps writing batch k
 * on the main thread (Ed25519 verify and SQLite inserts are the two ceilings of a catch-up).
 * Each batch goes to the least busy worker; results keep the batch's order.
 */
import { Worker } from 'node:worker_threads'
import { SyncError } from './errors.js'
import type { CheckOutcome, Verifier } from './verify.js'

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

  constructor(threads: number) {
    if (!Number.isInteger(threads) || threads < 1) throw new SyncError(`verify threads must be a whole number ≥ 1, got ${threads}`)
    this.#slots = Array.from({ length: threads }, () => this.#spawn())
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

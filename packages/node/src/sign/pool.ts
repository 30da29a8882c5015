import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { ED25519_SIGNATURE_LENGTH } from '@certmesh/protocol'

/**
 * Ed25519 signing spread over worker threads, synchronous for the caller: the messages are
 * cut into shares, the workers sign theirs while this thread signs its own, then this
 * thread blocks on Atomics.wait until every share is done. A share's messages are claimed
 * one at a time through a shared counter, so a caller that would wait signs the rest of
 * the share itself instead (an import's main thread waited ~8% of its time otherwise).
 * Signing is the largest single cost of a bulk import (one signature per indicator,
 * DESIGN.md invariant 1), and Ed25519 is deterministic (RFC 8032 §5.1.6), so a worker's
 * signature is byte-identical to ours.
 * Any worker failure or timeout disables the pool and the batch is signed here instead.
 */

// Plain CommonJS run with `eval: true`, so a worker needs no TypeScript loader. The DER
// prefix wraps a raw 32-byte seed as an RFC 8410 §7 PKCS#8 Ed25519 private key.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createPrivateKey, sign } = require('node:crypto')
const prefix = Buffer.from('302e020100300506032b657004220420', 'hex')
const key = createPrivateKey({ key: Buffer.concat([prefix, Buffer.from(workerData.seed)]), format: 'der', type: 'pkcs8' })
parentPort.on('message', (m) => {
  const ctrl = new Int32Array(m.ctrl)
  try {
    const bytes = new Uint8Array(m.data)
    const offsets = new Int32Array(m.offsets)
    const out = new Uint8Array(m.out)
    // ctrl[1] is the next unclaimed message: the caller may claim some itself (waitFor).
    for (let i = Atomics.add(ctrl, 1, 1); i < m.count; i = Atomics.add(ctrl, 1, 1)) {
      out.set(sign(null, bytes.subarray(offsets[i], offsets[i + 1]), key), i * 64)
    }
    Atomics.store(ctrl, 0, 1)
  } catch {
    Atomics.store(ctrl, 0, 2)
  }
  Atomics.notify(ctrl, 0)
})
`

/** Below this many messages a batch is signed on the calling thread (and no worker is started). */
export const POOL_MIN_BATCH = 64
/** A share not signed within this time means a stuck worker: fall back, never hang an import. */
const SHARE_TIMEOUT_MS = 30_000

interface Share {
  readonly buffers: Buffers
  readonly messages: readonly Uint8Array[]
}

/** Signatures under way (SigningPool.begin). */
export interface PendingSignatures {
  wait(): Uint8Array[]
}

export function defaultPoolSize(): number {
  return Math.max(1, Math.min(3, availableParallelism() - 1))
}

export class SigningPool {
  #workers: Worker[] | undefined
  #broken = false

  constructor(
    private readonly seed: Uint8Array,
    /** Signs on the calling thread; also the fallback. */
    private readonly local: (message: Uint8Array) => Uint8Array,
    private readonly size: number = defaultPoolSize(),
  ) {}

  /** Signatures of `messages`, in order: the workers and this thread each sign a share. */
  signAll(messages: readonly Uint8Array[]): Uint8Array[] {
    const workers = this.#workersFor(messages.length)
    if (workers === undefined) return messages.map(this.local)
    const per = Math.ceil(messages.length / (workers.length + 1))
    const shares = this.#post(workers, messages.slice(per))
    const own = messages.slice(0, per).map(this.local)
    return this.#collect(shares, messages, own)
  }

  /**
   * Starts signing `messages` on the workers only and returns at once, so this thread can
   * prepare the next batch meanwhile; `wait()` returns the signatures in order. Small
   * batches (or no workers) are signed on this thread when `wait()` is called.
   */
  begin(messages: readonly Uint8Array[]): PendingSignatures {
    const workers = this.#workersFor(messages.length)
    if (workers === undefined) return { wait: () => messages.map(this.local) }
    const shares = this.#post(workers, messages)
    return { wait: () => this.#collect(shares, messages, []) }
  }

  #workersFor(count: number): Worker[] | undefined {
    return count >= POOL_MIN_BATCH && this.size > 0 ? this.#start() : undefined
  }

  /** `messages` cut into one share per worker (fewer when there are fewer messages). */
  #post(workers: readonly Worker[], messages: readonly Uint8Array[]): Share[] {
    const per = Math.ceil(messages.length / workers.length)
    const shares: Share[] = []
    for (let i = 0; i * per < messages.length; i++) shares.push(post(workers[i] as Worker, messages.slice(i * per, (i + 1) * per)))
    return shares
  }

  /** `own` (the signatures of the first messages, signed here) followed by the shares'. */
  #collect(shares: readonly Share[], messages: readonly Uint8Array[], own: Uint8Array[]): Uint8Array[] {
    const out = own
    let failed = false
    for (const s of shares) {
      if (!failed && waitFor(s, this.local)) {
        const sigs = s.buffers.out
        for (let i = 0; i < s.messages.length; i++) out.push(sigs.slice(i * ED25519_SIGNATURE_LENGTH, (i + 1) * ED25519_SIGNATURE_LENGTH))
      } else failed = true
      // A failed or timed-out share may still be written to: never hand its buffers out again.
      s.buffers.busy = failed
    }
    if (!failed) return out
    this.close()
    this.#broken = true
    return messages.map(this.local)
  }

  /** Stops the workers; a later large batch starts them again unless the pool broke. */
  close(): void {
    const workers = this.#workers
    this.#workers = undefined
    for (const w of workers ?? []) void w.terminate()
  }

  #start(): Worker[] | undefined {
    if (this.#broken) return undefined
    if (this.#workers === undefined) {
      this.#workers = Array.from({ length: this.size }, () => {
        const w = new Worker(WORKER_SOURCE, { eval: true, execArgv: [], workerData: { seed: Uint8Array.from(this.seed) } })
        // Idle workers must not keep a CLI or test process alive.
        w.unref()
        w.on('error', () => {
          this.#broken = true
        })
        return w
      })
    }
    return this.#workers
  }
}

/**
 * Shared buffers for one job, reused: a SharedArrayBuffer lives until BOTH threads have
 * collected their handles to it, and an idle worker rarely collects, so fresh buffers
 * per batch piled up (hundreds of MB over a large import).
 */
class Buffers {
  readonly data: Uint8Array
  readonly offsets: Int32Array
  readonly out: Uint8Array
  /** [0]: 0 signing, 1 done, 2 failed; [1]: next message to claim. */
  readonly ctrl = new Int32Array(new SharedArrayBuffer(8))
  busy = false

  constructor(bytes: number, count: number) {
    this.data = new Uint8Array(new SharedArrayBuffer(bytes))
    this.offsets = new Int32Array(new SharedArrayBuffer(4 * (count + 1)))
    this.out = new Uint8Array(new SharedArrayBuffer(ED25519_SIGNATURE_LENGTH * count))
  }

  fits(bytes: number, count: number): boolean {
    return this.data.length >= bytes && this.offsets.length >= count + 1
  }
}

/** Buffer sets kept per worker: one being signed while the next is filled. */
const KEPT_BUFFERS = 2
const buffersOf = new WeakMap<Worker, Buffers[]>()

function acquire(w: Worker, bytes: number, count: number): Buffers {
  const kept = buffersOf.get(w) ?? []
  buffersOf.set(w, kept)
  const free = kept.findIndex((b) => !b.busy)
  if (free >= 0 && (kept[free] as Buffers).fits(bytes, count)) return (kept[free] as Buffers)
  // Room for growth, so a slightly larger next batch does not allocate again.
  const b = new Buffers(Math.max(1 << 20, bytes * 2), Math.max(1024, count * 2))
  if (free >= 0) kept[free] = b
  else if (kept.length < KEPT_BUFFERS) kept.push(b)
  return b
}

function post(w: Worker, messages: readonly Uint8Array[]): Share {
  let total = 0
  for (const m of messages) total += m.length
  const b = acquire(w, total, messages.length)
  b.busy = true
  let at = 0
  messages.forEach((m, i) => {
    b.offsets[i] = at
    b.data.set(m, at)
    at += m.length
  })
  b.offsets[messages.length] = at
  Atomics.store(b.ctrl, 0, 0)
  Atomics.store(b.ctrl, 1, 0)
  w.postMessage({ data: b.data.buffer, offsets: b.offsets.buffer, out: b.out.buffer, ctrl: b.ctrl.buffer, count: messages.length })
  return { buffers: b, messages }
}

/**
 * True when the share was signed; false on a worker error or timeout. Before blocking, the
 * caller signs every message of the share the worker has not claimed yet.
 */
function waitFor(s: Share, local: (message: Uint8Array) => Uint8Array): boolean {
  const ctrl = s.buffers.ctrl
  const out = s.buffers.out
  for (let i = Atomics.add(ctrl, 1, 1); i < s.messages.length; i = Atomics.add(ctrl, 1, 1)) {
    out.set(local(s.messages[i] as Uint8Array), i * ED25519_SIGNATURE_LENGTH)
  }
  const deadline = Date.now() + SHARE_TIMEOUT_MS
  while (Atomics.load(ctrl, 0) === 0) {
    const left = deadline - Date.now()
    if (left <= 0) return false
    Atomics.wait(ctrl, 0, 0, left)
  }
  return Atomics.load(ctrl, 0) === 1
}

/**
 * The client side of pull with a durable cursor (DESIGN.md "Sync", docs/protocol.md §9.4).
 * At most one pull per peer runs at a time; a request during a pull schedules one more.
 * Batches are pipelined: the signatures of batch k+1 are checked while batch k is written,
 * and batches commit strictly in order, each with the cursor past it.
 */
import type { Libp2p } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import type { Logger } from '../log.js'
import type { Store } from '../store/index.js'
import type { Allowlist } from './allowlist.js'
import { DEFAULT_PULL_LIMIT, FRAME_TIMEOUT_MS, MAX_CONTROL_FRAME_BYTES, MAX_FRAME_BYTES, PULL_PROTOCOL } from './constants.js'
import type { CounterBook } from './counters.js'
import { RemoteError, WireError } from './errors.js'
import type { PendingBatch, Receiver } from './receive.js'
import { FrameStream } from './wire/frames.js'

/**
 * Wire batches committed in one transaction during a catch-up (4 × 500 objects): the
 * store's cost per commit is mostly the index pages it rewrites, so fewer, larger commits
 * cost less per object. A lone batch (live propagation) still commits at once.
 */
const COMMIT_GROUP = 4
/** Batches whose signatures may be in flight while earlier ones are written. */
const PIPELINE_DEPTH = 2 * COMMIT_GROUP

export interface PullerDeps {
  libp2p: Libp2p
  store: Store
  receiver: Receiver
  allow: Allowlist
  counters: CounterBook
  log: Logger
  now: () => number
  /** Called after a batch stored something (the local log grew). */
  onStored: () => void
}

interface PeerState {
  running?: Promise<void>
  again: boolean
  remoteHead?: number
  /** A cursor to move back to before the next pull (rewind). */
  rewind?: number
}

export interface PullSummary {
  stored: number
  unchanged: number
  rejected: number
  more: boolean
}

export class Puller {
  readonly #state = new Map<string, PeerState>()
  readonly #abort = new AbortController()

  constructor(private readonly d: PullerDeps) {}

  #of(peer: string): PeerState {
    let s = this.#state.get(peer)
    if (s === undefined) this.#state.set(peer, (s = { again: false }))
    return s
  }

  /** Schedules a pull from `peer` (coalesced with a running one). */
  request(peer: string): void {
    if (this.#abort.signal.aborted || !this.d.allow.has(peer)) return
    const s = this.#of(peer)
    if (s.running) {
      s.again = true
      return
    }
    s.running = this.#run(peer, s).finally(() => {
      s.running = undefined
    })
  }

  /**
   * Moves the cursor for `peer` back to `seq` (if it is past it) before the next pull, and
   * schedules that pull: the peer says entries after `seq` may be visible to us now. A
   * running pull finishes first, so its last commit cannot move the cursor forward again.
   */
  rewind(peer: string, seq: number): void {
    const s = this.#of(peer)
    s.rewind = Math.min(s.rewind ?? seq, seq)
    this.request(peer)
  }

  isPulling(peer: string): boolean {
    return this.#state.get(peer)?.running !== undefined
  }

  /** The peer's log head as it last told us (notify or end of a pull). */
  remoteHead(peer: string): number | undefined {
    return this.#state.get(peer)?.remoteHead
  }

  noteHead(peer: string, head: number): void {
    this.#of(peer).remoteHead = head
  }

  /** Resolves once no pull is running. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.#state.values()].map((s) => s.running).filter((p) => p !== undefined)
      if (running.length === 0) return
      await Promise.allSettled(running)
    }
  }

  async stop(): Promise<void> {
    this.#abort.abort(new Error('sync is stopping'))
    await this.idle()
  }

  forget(peer: string): void {
    this.#state.delete(peer)
  }

  async #run(peer: string, s: PeerState): Promise<void> {
    do {
      s.again = false
      if (s.rewind !== undefined) {
        if (s.rewind < this.d.store.getCursor(peer)) {
          this.d.log.info('cursor moved back at the peer\'s request', { peer, to: s.rewind })
          this.d.store.setCursor(peer, s.rewind)
        }
        s.rewind = undefined
      }
      let more = true
      while (more && !this.#abort.signal.aborted && this.d.allow.has(peer)) {
        try {
          more = (await this.pullOnce(peer)).more
        } catch (err) {
          if (this.#abort.signal.aborted) return
          const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
          this.d.counters.error(peer, message, this.d.now())
          if (err instanceof WireError) this.d.counters.rejected(peer, `protocol-${err.code}`)
          this.d.log.warn('pull failed', { peer, err })
          return
        }
      }
    } while (s.again && !this.#abort.signal.aborted)
  }

  /** One pull request: everything after our cursor, up to the server's limit. */
  async pullOnce(peer: string): Promise<PullSummary> {
    const trusted = this.d.allow.get(peer)
    if (trusted === undefined) return { stored: 0, unchanged: 0, rejected: 0, more: false }
    const after = this.d.store.getCursor(peer)
    const signal = AbortSignal.any([this.#abort.signal, AbortSignal.timeout(FRAME_TIMEOUT_MS)])
    const stream = await this.d.libp2p.dialProtocol(peerIdFromString(peer), PULL_PROTOCOL, { signal })
    const frames = new FrameStream(stream, MAX_FRAME_BYTES, MAX_CONTROL_FRAME_BYTES)
    const summary: PullSummary = { stored: 0, unchanged: 0, rejected: 0, more: false }
    const inflight: PendingBatch[] = []
    const commitGroup = async (): Promise<void> => {
      const r = await this.d.receiver.commit(peer, trusted.publicKey, inflight.splice(0, COMMIT_GROUP))
      summary.stored += r.stored
      summary.unchanged += r.unchanged
      summary.rejected += r.rejected
      if (r.stored > 0) this.d.onStored()
    }
    try {
      await frames.write({ type: 'pull', after, limit: DEFAULT_PULL_LIMIT }, FRAME_TIMEOUT_MS)
      let last = after
      for (;;) {
        if (this.#abort.signal.aborted) throw new Error('sync is stopping')
        const m = await frames.read(['batch', 'end', 'error'], FRAME_TIMEOUT_MS)
        if (m.type === 'error') throw new RemoteError(m.code, m.message)
        if (m.type === 'batch') {
          if (m.through <= last) throw new WireError('bad-batch', `batch.through ${m.through} does not move past ${last}`)
          last = m.through
          inflight.push(this.d.receiver.begin(peer, m.objects, m.through))
          if (inflight.length >= PIPELINE_DEPTH) await commitGroup()
          continue
        }
        while (inflight.length > 0) await commitGroup()
        if (m.through < last) throw new WireError('bad-batch', `end.through ${m.through} is before the last batch (${last})`)
        this.noteHead(peer, m.head)
        if (m.head < after) {
          // The peer's log restarted (new database, same key): read it again from the start;
          // what we hold already costs one index seek per object.
          this.d.log.warn('peer log is behind our cursor; pulling it again from the start', { peer, cursor: after, head: m.head })
          this.d.store.setCursor(peer, 0)
          return { ...summary, more: true }
        }
        if (m.through > last) this.d.store.setCursor(peer, m.through)
        this.d.counters.synced(peer, this.d.now())
        await frames.close()
        return { ...summary, more: m.more }
      }
    } catch (err) {
      stream.abort(err as Error)
      throw err
    }
  }
}

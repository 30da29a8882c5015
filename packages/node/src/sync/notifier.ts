/**
 * "My log grew" (docs/protocol.md §9.5). The local log is polled every LOG_POLL_MS (one
 * index seek) so that writes from any path — HTTP, import, sync — are noticed; each
 * connected trusted peer then gets one small notify and pulls at once. At most one notify
 * per peer is in flight; newer heads replace a waiting one.
 */
import type { Connection, Libp2p, Stream } from '@libp2p/interface'
import type { Logger } from '../log.js'
import type { StoreReader } from '../store/index.js'
import type { Allowlist } from './allowlist.js'
import { FRAME_TIMEOUT_MS, LOG_POLL_MS, MAX_CONTROL_FRAME_BYTES, NOTIFY_PROTOCOL, NOTIFY_TIMEOUT_MS } from './constants.js'
import { WireError } from './errors.js'
import type { Puller } from './puller.js'
import { FrameStream } from './wire/frames.js'

export class Notifier {
  #head = 0
  #timer: NodeJS.Timeout | undefined
  readonly #inflight = new Map<string, number | undefined>()
  /** Rewinds not yet delivered, per peer: sent when it is (or next gets) connected. */
  readonly #rewinds = new Map<string, number>()

  constructor(
    private readonly d: { libp2p: Libp2p; store: StoreReader; allow: Allowlist; log: Logger },
  ) {}

  start(): void {
    this.#head = this.d.store.lastSeq()
    this.#timer = setInterval(() => this.check(), LOG_POLL_MS)
    this.#timer.unref()
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  /** Notifies peers if the log grew since the last check. */
  check(): void {
    if (this.#timer === undefined || !this.d.store.isOpen) return
    const head = this.d.store.lastSeq()
    if (head <= this.#head) return
    this.#head = head
    const peers = new Set(this.d.libp2p.getConnections().map((c) => c.remotePeer.toString()))
    for (const peer of peers) if (this.d.allow.has(peer)) this.#send(peer, head)
  }

  /**
   * Tells `peer` that our entries after `seq` may be visible to it now (its AMBER right was
   * granted): it moves its cursor back and pulls. Kept until delivered; a node restart
   * before the peer connects loses it (re-grant the right then).
   */
  rewind(peer: string, seq: number): void {
    this.#rewinds.set(peer, Math.min(this.#rewinds.get(peer) ?? seq, seq))
    this.deliverRewind(peer)
  }

  /** Sends a pending rewind to `peer` if it is connected (called on connect). */
  deliverRewind(peer: string): void {
    const seq = this.#rewinds.get(peer)
    if (seq === undefined) return
    void this.#write(peer, this.d.store.lastSeq(), seq).then((sent) => {
      if (sent && this.#rewinds.get(peer) === seq) this.#rewinds.delete(peer)
    })
  }

  #send(peer: string, head: number): void {
    if (this.#inflight.has(peer)) {
      this.#inflight.set(peer, head)
      return
    }
    this.#inflight.set(peer, undefined)
    void this.#write(peer, head).finally(() => {
      const next = this.#inflight.get(peer)
      this.#inflight.delete(peer)
      if (next !== undefined && this.#timer !== undefined) this.#send(peer, next)
    })
  }

  /** True when the notify was written. */
  async #write(peer: string, head: number, rewind?: number): Promise<boolean> {
    const conn = this.d.libp2p.getConnections().find((c) => c.remotePeer.toString() === peer && c.status === 'open')
    if (conn === undefined) return false
    try {
      const stream = await conn.newStream(NOTIFY_PROTOCOL, { signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS) })
      const frames = new FrameStream(stream, MAX_CONTROL_FRAME_BYTES)
      await frames.write({ type: 'notify', head, ...(rewind !== undefined && { rewind }) }, NOTIFY_TIMEOUT_MS)
      await frames.close()
      return true
    } catch (err) {
      this.d.log.debug('notify failed', { peer, err })
      return false
    }
  }
}

/** Inbound notify: note the peer's head and pull if it is past our cursor. */
export async function handleNotify(
  stream: Stream,
  connection: Connection,
  d: { allow: Allowlist; store: StoreReader; puller: Puller; log: Logger },
): Promise<void> {
  const peer = connection.remotePeer.toString()
  const frames = new FrameStream(stream, MAX_CONTROL_FRAME_BYTES)
  if (!d.allow.has(peer)) {
    await frames.fail(new WireError('not-allowed', 'this peer is not on the allowlist'))
    return
  }
  try {
    const m = await frames.read(['notify'], FRAME_TIMEOUT_MS)
    await frames.close()
    d.puller.noteHead(peer, m.head)
    if (m.rewind !== undefined && m.rewind < d.store.getCursor(peer)) d.puller.rewind(peer, m.rewind)
    else if (m.head > d.store.getCursor(peer) || m.head === 0) d.puller.request(peer)
  } catch (err) {
    d.log.debug('bad notify', { peer, err })
    await frames.fail(err as Error)
  }
}

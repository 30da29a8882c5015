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

  async #write(peer: string, head: number): Promise<void> {
    const conn = this.d.libp2p.getConnections().find((c) => c.remotePeer.toString() === peer && c.status === 'open')
    if (conn === undefined) return
    try {
      const stream = await conn.newStream(NOTIFY_PROTOCOL, { signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS) })
      const frames = new FrameStream(stream, MAX_CONTROL_FRAME_BYTES)
      await frames.write({ type: 'notify', head }, NOTIFY_TIMEOUT_MS)
      await frames.close()
    } catch (err) {
      this.d.log.debug('notify failed', { peer, err })
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
    if (m.head > d.store.getCursor(peer) || m.head === 0) d.puller.request(peer)
  } catch (err) {
    d.log.debug('bad notify', { peer, err })
    await frames.fail(err as Error)
  }
}

/**
 * Keeps a connection to every trusted peer: dial on start and on `peer add`, redial after a
 * disconnect or a failed dial with exponential backoff and jitter (BACKOFF_MIN_MS … BACKOFF_MAX_MS).
 */
import type { Libp2p } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from '../log.js'
import type { Allowlist } from './allowlist.js'
import { BACKOFF_MAX_MS, BACKOFF_MIN_MS } from './constants.js'

interface Entry {
  attempt: number
  timer?: NodeJS.Timeout
  dialing: boolean
}

export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.min(attempt, 20))
  return Math.round(base * (0.5 + random() / 2))
}

export class Redialer {
  readonly #entries = new Map<string, Entry>()
  #stopped = false

  constructor(private readonly d: { libp2p: Libp2p; allow: Allowlist; log: Logger }) {}

  #connected(peer: string): boolean {
    return this.d.libp2p.getConnections().some((c) => c.remotePeer.toString() === peer && c.status === 'open')
  }

  /** Dials `peer` after `delayMs` unless it is connected by then. */
  ensure(peer: string, delayMs = 0): void {
    if (this.#stopped || !this.d.allow.has(peer)) return
    let e = this.#entries.get(peer)
    if (e === undefined) this.#entries.set(peer, (e = { attempt: 0, dialing: false }))
    if (e.timer !== undefined || e.dialing) return
    const entry = e
    entry.timer = setTimeout(() => {
      entry.timer = undefined
      void this.#dial(peer, entry)
    }, delayMs)
    entry.timer.unref()
  }

  /** A connection is up: the next failure starts from the shortest wait again. */
  connected(peer: string): void {
    const e = this.#entries.get(peer)
    if (e !== undefined) e.attempt = 0
  }

  /** A connection went down: redial soon. */
  disconnected(peer: string): void {
    const e = this.#entries.get(peer)
    this.ensure(peer, backoffMs(e?.attempt ?? 0))
  }

  cancel(peer: string): void {
    const e = this.#entries.get(peer)
    if (e?.timer !== undefined) clearTimeout(e.timer)
    this.#entries.delete(peer)
  }

  stop(): void {
    this.#stopped = true
    for (const peer of [...this.#entries.keys()]) this.cancel(peer)
  }

  async #dial(peer: string, e: Entry): Promise<void> {
    const trusted = this.d.allow.get(peer)
    if (this.#stopped || trusted === undefined || this.#connected(peer)) return
    e.dialing = true
    try {
      await this.d.libp2p.dial(trusted.multiaddrs.map((a) => multiaddr(a)), { signal: AbortSignal.timeout(10_000) })
      e.attempt = 0
    } catch (err) {
      e.attempt++
      const wait = backoffMs(e.attempt)
      this.d.log.debug('dial failed; will retry', { peer, attempt: e.attempt, retry_ms: wait, err })
      e.dialing = false
      if (this.#entries.get(peer) === e) this.ensure(peer, wait)
      return
    }
    e.dialing = false
  }
}

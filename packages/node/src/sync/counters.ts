/**
 * Per-peer counters kept in memory and added to the store's `peer` table every
 * COUNTER_FLUSH_MS and at stop: one small write transaction instead of one per batch.
 * They are diagnostics; a crash may lose the last increments, never data.
 */
import type { PeerCounters, PeerRecord, PeerTable } from '../store/peers.js'

const empty = (): PeerCounters => ({ received: 0, sent: 0, rejected: {} })

export class CounterBook {
  #pending = new Map<string, PeerCounters>()

  #of(peer: string): PeerCounters {
    let c = this.#pending.get(peer)
    if (c === undefined) this.#pending.set(peer, (c = empty()))
    return c
  }

  received(peer: string, n: number): void {
    if (n > 0) this.#of(peer).received += n
  }

  sent(peer: string, n: number): void {
    if (n > 0) this.#of(peer).sent += n
  }

  rejected(peer: string, reason: string): void {
    const r = this.#of(peer).rejected
    r[reason] = (r[reason] ?? 0) + 1
  }

  synced(peer: string, at: number): void {
    this.#of(peer).lastSync = at
  }

  error(peer: string, message: string, at: number): void {
    this.#of(peer).lastError = { message: message.slice(0, 500), at }
  }

  /** Writes and clears the pending deltas. */
  flush(table: PeerTable): void {
    if (this.#pending.size === 0) return
    const deltas = this.#pending
    this.#pending = new Map()
    table.addCounters(deltas)
  }

  forget(peer: string): void {
    this.#pending.delete(peer)
  }

  /** A stored record with the not yet written deltas added. */
  merged(p: PeerRecord): PeerRecord {
    const d = this.#pending.get(p.peerId)
    if (d === undefined) return p
    const rejected = { ...p.rejected }
    for (const [k, n] of Object.entries(d.rejected)) rejected[k] = (rejected[k] ?? 0) + n
    return {
      ...p,
      received: p.received + d.received,
      sent: p.sent + d.sent,
      rejected,
      lastSync: d.lastSync ?? p.lastSync,
      lastError: d.lastError?.message ?? p.lastError,
      lastErrorAt: d.lastError?.at ?? p.lastErrorAt,
    }
  }
}

import type { StoreReader } from '../store/index.js'
import type { MetricsRegistry } from './registry.js'

/** Counting a large store takes a while (≈0.4 s for 100,000 indicators); recount at most this often unless the log grew. */
export const RECOUNT_MS = 60_000
/**
 * While the log grows (a catch-up, an import), a count that took longer than
 * SLOW_COUNT_MS is redone only after RECOUNT_BUSY_FACTOR times as long: counting a store
 * of millions blocks the node for seconds, and a scrape every 15 s would otherwise spend
 * a good part of its time counting. Small stores recount on every growth.
 */
export const SLOW_COUNT_MS = 50
export const RECOUNT_BUSY_FACTOR = 20

/**
 * Gauges read from the store at scrape time: count() (a few COUNT(*) queries) and the
 * active-indicator count, redone when the sync log has grown since the last scrape or
 * RECOUNT_MS has passed (indicators also expire without a write). Registers once per registry.
 */
export function registerStoreMetrics(reg: MetricsRegistry, store: StoreReader, now: () => number = Date.now): void {
  // Once per registry: the app may be built more than once for one node.
  if (reg.get('certmesh_store_versions') !== undefined) return
  const g = (name: string, help: string) => reg.gauge({ name, help })
  const versions = g('certmesh_store_versions', 'Object versions stored (every version, quarantined ones included).')
  const objects = g('certmesh_store_objects', 'Objects with a current valid version.')
  const quarantined = g('certmesh_store_quarantined_versions', 'Versions quarantined as proof of equivocation.')
  const revoked = g('certmesh_store_revoked_objects', 'Objects whose creator has revoked them.')
  const observables = g('certmesh_store_observables', 'Rows of the observable lookup index (all versions).')
  const equivocations = g('certmesh_store_equivocations', 'Equivocation proofs recorded.')
  const lastSeq = g('certmesh_store_last_seq', 'Highest local sequence number (sync log position).')
  const active = g('certmesh_indicators_active', 'Active indicators: current, not revoked, not expired, not on a warninglist (the feeds).')
  let countedSeq = -1
  let countedAt = -Infinity
  let countTookMs = 0
  let countedAtMono = 0
  reg.onCollect(() => {
    if (!store.isOpen) return
    const seq = store.lastSeq()
    // The log never deletes and seq has no gaps: the head is the version count, at one seek.
    versions.set(undefined, seq)
    lastSeq.set(undefined, seq)
    const at = now()
    if (seq === countedSeq && at - countedAt < RECOUNT_MS) return
    const started = performance.now()
    if (seq !== countedSeq && countTookMs > SLOW_COUNT_MS && started - countedAtMono < RECOUNT_BUSY_FACTOR * countTookMs) return
    countedSeq = seq
    countedAt = at
    countedAtMono = started
    const c = store.count()
    objects.set(undefined, c.objects)
    quarantined.set(undefined, c.quarantined)
    revoked.set(undefined, c.revokedObjects)
    observables.set(undefined, c.observables)
    equivocations.set(undefined, c.equivocations)
    active.set(undefined, store.feeds().countActive(at))
    countTookMs = performance.now() - started
  })
}

import type { StoreReader } from '../store/index.js'
import type { MetricsRegistry } from './registry.js'

/** Counting a large store takes a while (≈0.4 s for 100,000 indicators); recount at most this often unless the log grew. */
export const RECOUNT_MS = 60_000

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
  reg.onCollect(() => {
    if (!store.isOpen) return
    const seq = store.lastSeq()
    const at = now()
    if (seq === countedSeq && at - countedAt < RECOUNT_MS) return
    countedSeq = seq
    countedAt = at
    const c = store.count()
    versions.set(undefined, c.versions)
    objects.set(undefined, c.objects)
    quarantined.set(undefined, c.quarantined)
    revoked.set(undefined, c.revokedObjects)
    observables.set(undefined, c.observables)
    equivocations.set(undefined, c.equivocations)
    lastSeq.set(undefined, c.lastSeq)
    active.set(undefined, store.feeds().countActive(at))
  })
}

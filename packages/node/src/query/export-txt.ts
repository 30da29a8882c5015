import type { StoreReader } from '../store/index.js'
import { keepsObservable, type CheckedExport } from './export-options.js'

/**
 * The plain-text feed firewalls read: one normalised value per line (LF), each value
 * once, from active indicators only (not revoked, inside their validity, no warninglist
 * flag; store/active.ts). Values are normalised, so they hold no line break.
 */
export function* txtChunks(store: StoreReader, o: CheckedExport): Generator<string, void, undefined> {
  const seen = new Set<string>()
  const q = {
    now: o.now,
    ...(o.filter.storeType !== undefined ? { type: o.filter.storeType } : {}),
    ...(o.minConfidence !== undefined ? { minConfidence: o.minConfidence } : {}),
  }
  for (const a of store.activeIndicators(q)) {
    let out = ''
    for (const ob of a.observables) {
      if (!keepsObservable(o.filter, ob.type, ob.property) || seen.has(ob.value)) continue
      seen.add(ob.value)
      out += `${ob.value}\n`
    }
    if (out !== '') yield out
  }
}

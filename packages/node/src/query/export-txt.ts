import type { StoreReader } from '../store/index.js'
import { activeFeed } from './active-feed.js'
import type { CheckedExport } from './export-options.js'

/**
 * The plain-text feed firewalls read: one normalised value per line (LF), each value
 * once, from active indicators only (not revoked, inside their validity, no warninglist
 * flag; active-feed.ts). Values are normalised, so they hold no line break.
 */
export function* txtChunks(store: StoreReader, o: CheckedExport): Generator<string, void, undefined> {
  const seen = new Set<string>()
  for (const a of activeFeed(store, o)) {
    let out = ''
    for (const ob of a.observables) {
      if (seen.has(ob.value)) continue
      seen.add(ob.value)
      out += `${ob.value}\n`
    }
    if (out !== '') yield out
  }
}

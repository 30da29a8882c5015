import type { StoreReader, StoredVersion } from '../../../store/index.js'
import { inFeed, type FeedFilter } from './filter.js'
import type { FeedKind } from './kinds.js'
import type { FeedLine } from './lines.js'

/** Changed indicators handled per yielded chunk. */
export const CHANGE_CHUNK = 500

/**
 * The incremental feed: what to add and what to remove so that a list that was right at
 * `sinceUs` is right now. Candidates are the indicators whose current version was stored
 * in (since, until], or whose valid_until/valid_from passed in that window
 * (FeedQueries.changedSeqs). For each one:
 * - the values of its current version, if it is in the feed now, are additions;
 * - the values of all its versions that are NOT in the feed now (through any indicator)
 *   are removals — revoked, expired, newly flagged, re-patterned, or filtered out.
 * So every addition is in the feed now and no removal is: applying both in any order
 * gives the current list. An addition of a value the client has is harmless, as is a
 * removal of one it lacks.
 */
export function* feedChanges(
  store: StoreReader,
  kind: FeedKind,
  f: FeedFilter,
  window: { sinceUs: number; untilUs: number },
  now: number,
  chunk = CHANGE_CHUNK,
): Generator<FeedLine[], void, undefined> {
  const feeds = store.feeds()
  const seqs = window.sinceUs < window.untilUs ? feeds.changedSeqs(window) : []
  const added = new Set<string>()
  const removed = new Set<string>()
  const inFeedNow = (key: string): boolean => store.lookupObservable(key).some((m) => inFeed(m.object, f, now))
  for (let i = 0; i < seqs.length; i += chunk) {
    const out: FeedLine[] = []
    for (const seq of seqs.slice(i, i + chunk)) {
      const v = feeds.version(seq)
      if (v === undefined) continue
      const active = inFeed(v, f, now)
      for (const o of feeds.observablesOf(v.id, kind.type, kind.property)) {
        if (added.has(o.value) || removed.has(o.value)) continue
        if (active && o.seq === v.seq) {
          added.add(o.value)
          out.push(line('add', o.value, v))
        } else if (!inFeedNow(o.key)) {
          removed.add(o.value)
          out.push(line('remove', o.value, v))
        }
      }
    }
    yield out
  }
}

function line(action: FeedLine['action'], value: string, v: StoredVersion): FeedLine {
  return { action, value, indicatorId: v.id, confidence: v.confidence, tlp: v.tlp, validUntil: v.validUntil, createdByRef: v.createdByRef }
}

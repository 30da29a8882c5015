import type { FeedQueries } from '../../../store/feed-changes.js'
import { tlpAllowed, type FeedFilter } from './filter.js'
import type { FeedKind } from './kinds.js'
import type { FeedLine } from './lines.js'

/** Rows per store query: big enough to amortise the query, small enough to stream. */
export const FEED_PAGE_ROWS = 2000

/**
 * Every value the feed holds now, once each, in store order (seq, then key): the same
 * store gives the same bytes, and new indicators append at the end. Yields one array per
 * store page; no statement stays open between pages.
 */
export function* fullFeed(feeds: FeedQueries, kind: FeedKind, f: FeedFilter, now: number, pageRows = FEED_PAGE_ROWS): Generator<FeedLine[], void, undefined> {
  const seen = new Set<string>()
  let after: { seq: number; key: string } | undefined
  for (;;) {
    const rows = feeds.activePage({
      type: kind.type,
      property: kind.property,
      ...(f.minConfidence !== undefined && { minConfidence: f.minConfidence }),
      now,
      ...(after !== undefined && { after }),
      limit: pageRows,
    })
    const out: FeedLine[] = []
    for (const r of rows) {
      if (seen.has(r.value) || !tlpAllowed(r.tlp, f)) continue
      seen.add(r.value)
      out.push({ action: 'add', value: r.value, indicatorId: r.id, confidence: r.confidence, tlp: r.tlp, validUntil: r.validUntil, createdByRef: r.createdByRef })
    }
    yield out
    const last = rows[rows.length - 1]
    if (last === undefined || rows.length < pageRows) return
    after = { seq: last.seq, key: last.key }
  }
}

import { Hono } from 'hono'
import { ForbiddenError, NotFoundError } from '../../../errors.js'
import type { StoreReader } from '../../../store/index.js'
import type { HttpEnv } from '../context.js'
import { INDICATORS_COLLECTION, mayRead } from '../taxii/collections.js'
import { feedChanges } from './changes.js'
import { feedFilter } from './filter.js'
import { fullFeed } from './full.js'
import { FEED_KINDS, FEED_NAMES, isFeedName, type FeedFormat, type FeedName } from './kinds.js'
import { csvHeader, csvLine, textLine, type FeedLine } from './lines.js'
import { feedParams } from './params.js'
import { formatMicros } from './time.js'
import { textStream } from './stream.js'

export interface FeedDeps {
  readonly store: StoreReader
  /** [indicators] default_tlp: the level unmarked objects count as for tlp_max. */
  readonly defaultTlp: string
  /** Epoch milliseconds; injected by tests. */
  readonly now?: () => number
}

/** Token right that opens the feeds: read on the indicators collection, by alias or id (or all, or admin). */
export const FEED_COLLECTION = INDICATORS_COLLECTION.alias

/** Response header holding the value to send as `since` on the next incremental request. */
export const NEXT_SINCE_HEADER = 'X-Certmesh-Next-Since'

const CONTENT_TYPE: Record<FeedFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  // RFC 4180 §3 registers the `header` parameter.
  csv: 'text/csv; charset=utf-8; header=present',
}

function parseFileName(file: string): { name: FeedName; format: FeedFormat } {
  const m = /^([a-z0-9]+)\.(txt|csv)$/.exec(file)
  if (!m || !isFeedName(m[1]!))
    throw new NotFoundError(`no feed '${file.slice(0, 60)}'; feeds are ${FEED_NAMES.map((n) => `${n}.txt`).join(', ')} and the same names with .csv`)
  return { name: m[1] as FeedName, format: m[2] as FeedFormat }
}

/** GET /feeds/{name}.{txt,csv}, mounted under /api/v1 (docs/siem.md). */
export function feedRoutes(deps: FeedDeps): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()
  const clock = deps.now ?? Date.now
  app.get('/feeds/:file', (c) => {
    if (!mayRead(c.get('token').rights, INDICATORS_COLLECTION))
      throw new ForbiddenError(`this token may not read the '${FEED_COLLECTION}' collection, which the feeds list`)
    const { name, format } = parseFileName(c.req.param('file'))
    const params = feedParams(c)
    const filter = feedFilter(params, deps.defaultTlp)
    const now = clock()
    const untilUs = now * 1000
    const incremental = params.sinceUs !== undefined
    const pages: Iterator<FeedLine[], void, undefined> =
      params.sinceUs !== undefined
        ? feedChanges(deps.store, FEED_KINDS[name], filter, { sinceUs: params.sinceUs, untilUs }, now)
        : fullFeed(deps.store.feeds(), FEED_KINDS[name], filter, now)
    const render = format === 'csv' ? (l: FeedLine) => csvLine(l, name) : (l: FeedLine) => textLine(l, incremental)
    // The header travels with the first page, so the first store query runs before the status is sent.
    function* chunks(): Generator<string, void, undefined> {
      let head = format === 'csv' ? csvHeader() : ''
      for (let p = pages.next(); p.done !== true; p = pages.next()) {
        yield head + p.value.map(render).join('')
        head = ''
      }
      if (head !== '') yield head
    }
    return new Response(textStream(chunks()), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPE[format],
        'Cache-Control': 'no-store',
        [NEXT_SINCE_HEADER]: formatMicros(untilUs),
      },
    })
  })
  return app
}

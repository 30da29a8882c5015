import type { Context } from 'hono'
import type { TaxiiEnv } from './context.js'
import type { TaxiiDeps } from './deps.js'
import { parseTaxiiQuery, type FilterParam, type TaxiiQuery } from './query.js'
import { readCollection, type ServedPage } from './source.js'
import { formatMicros } from './timestamps.js'

export interface PagedResult {
  readonly query: TaxiiQuery
  readonly page: ServedPage
  /** The `next` token for the following page, when there is one. */
  readonly next?: string
  /** §3.3.2 X-TAXII-Date-Added-First/Last, on every page that returns objects. */
  readonly headers: Record<string, string>
}

export interface PagedTarget {
  /** Resource name in the `next` binding: objects, manifest, object, versions. */
  readonly resource: string
  readonly allowed: readonly FilterParam[]
  readonly objectId?: string
  readonly allVersions?: boolean
}

/** Query → page → `next` token and headers, the same for every listing endpoint. */
export function readPaged(c: Context<TaxiiEnv>, deps: TaxiiDeps, target: PagedTarget): PagedResult {
  const query = parseTaxiiQuery(new URL(c.req.url).searchParams, target.allowed)
  const collection = c.get('collection')
  const binding = {
    keyId: c.get('token').keyId,
    resource: `${target.resource}:${collection.id}:${target.objectId ?? ''}`,
    canonical: query.canonical,
  }
  const after = query.next !== undefined ? deps.next.open(binding, query.next) : undefined
  const page = readCollection(deps.store, {
    collection,
    filter: query.filter,
    limit: query.limit,
    now: deps.now(),
    ...(after && { after }),
    ...(target.objectId !== undefined && { objectId: target.objectId }),
    ...(target.allVersions === true && { allVersions: true }),
  })
  const first = page.rows[0]
  const last = page.rows[page.rows.length - 1]
  const headers: Record<string, string> =
    first && last ? { 'X-TAXII-Date-Added-First': formatMicros(first.dateAdded), 'X-TAXII-Date-Added-Last': formatMicros(last.dateAdded) } : {}
  const next = page.more && page.next ? deps.next.issue(binding, page.next) : undefined
  return { query, page, headers, ...(next !== undefined && { next }) }
}

/** `"more":…,"next":…` of an envelope, manifest or versions resource. */
export function moreAndNext(r: PagedResult): string {
  return `"more":${r.page.more}${r.next !== undefined ? `,"next":${JSON.stringify(r.next)}` : ''}`
}

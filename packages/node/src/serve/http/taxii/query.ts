import { MAX_MATCH_VALUES, MAX_PAGE_LIMIT, DEFAULT_PAGE_LIMIT, MAX_PARAM_LENGTH } from './constants.js'
import { badRequest } from './errors.js'
import { parseMicros } from './timestamps.js'

/**
 * TAXII 2.1 §3.4 (pagination) and §3.5 (filtering) query parameters. Values of one
 * `match[field]` are OR-ed (comma-separated, and repeated parameters are merged); fields
 * are AND-ed. A malformed value is a 400 that names the parameter (invariant 7).
 * Parameters an endpoint does not define are ignored, as are unknown ones.
 */
export type FilterParam = 'added_after' | 'match[id]' | 'match[type]' | 'match[version]' | 'match[spec_version]'

export type VersionKeyword = 'first' | 'last' | 'all'

export interface VersionMatch {
  readonly keywords: ReadonlySet<VersionKeyword>
  /** STIX timestamps, as sent. */
  readonly timestamps: readonly string[]
}

export interface TaxiiFilter {
  /** Microseconds; only objects added strictly after. */
  readonly addedAfter?: number
  readonly ids?: readonly string[]
  readonly types?: readonly string[]
  readonly versions?: VersionMatch
  readonly specVersions?: readonly string[]
}

export interface TaxiiQuery {
  readonly filter: TaxiiFilter
  readonly limit: number
  readonly next?: string
  /** The filter in a canonical text, to which a `next` token is bound. */
  readonly canonical: string
}

export const LIST_FILTERS: readonly FilterParam[] = ['added_after', 'match[id]', 'match[type]', 'match[version]', 'match[spec_version]']
export const OBJECT_FILTERS: readonly FilterParam[] = ['added_after', 'match[version]', 'match[spec_version]']
export const VERSIONS_FILTERS: readonly FilterParam[] = ['added_after', 'match[spec_version]']

// STIX 2.1 §2.9 identifier (type--UUID) and §2.8 type name; §3.2 timestamp.
const STIX_ID = /^[a-z0-9][a-z0-9-]{0,249}--[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const STIX_TYPE = /^[a-z0-9][a-z0-9-]{0,249}$/
const SPEC_VERSION = /^\d{1,3}\.\d{1,3}$/

function values(params: URLSearchParams, name: string): string[] | undefined {
  const raw = params.getAll(name)
  if (raw.length === 0) return undefined
  const out: string[] = []
  for (const r of raw) {
    if (r.length > MAX_PARAM_LENGTH) throw badRequest(`${name}: longer than ${MAX_PARAM_LENGTH} characters`)
    for (const v of r.split(',')) {
      const t = v.trim()
      if (t === '') throw badRequest(`${name}: empty value in '${r.slice(0, 80)}'`)
      out.push(t)
    }
  }
  if (out.length > MAX_MATCH_VALUES) throw badRequest(`${name}: at most ${MAX_MATCH_VALUES} values, got ${out.length}`)
  return [...new Set(out)].sort()
}

function checked(name: string, list: string[] | undefined, ok: (v: string) => boolean, what: string): string[] | undefined {
  const bad = list?.find((v) => !ok(v))
  if (bad !== undefined) throw badRequest(`${name}: '${bad.slice(0, 100)}' is not ${what}`)
  return list
}

function versionMatch(list: string[] | undefined): VersionMatch | undefined {
  if (list === undefined) return undefined
  const keywords = new Set<VersionKeyword>()
  const timestamps: string[] = []
  for (const v of list) {
    if (v === 'first' || v === 'last' || v === 'all') keywords.add(v)
    else if (parseMicros(v) !== undefined) timestamps.push(v)
    else throw badRequest(`match[version]: '${v.slice(0, 100)}' is not first, last, all or a STIX timestamp`)
  }
  return { keywords, timestamps }
}

function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return DEFAULT_PAGE_LIMIT
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1) throw badRequest(`limit: must be a whole number of at least 1, got '${raw.slice(0, 40)}'`)
  // §3.4: the server may return fewer than asked; it caps rather than refuses.
  return Math.min(Number(raw), MAX_PAGE_LIMIT)
}

export function parseTaxiiQuery(params: URLSearchParams, allowed: readonly FilterParam[]): TaxiiQuery {
  const has = (p: FilterParam) => allowed.includes(p)
  let addedAfter: number | undefined
  const aa = has('added_after') ? params.get('added_after') : null
  if (aa !== null) {
    addedAfter = parseMicros(aa)
    if (addedAfter === undefined) throw badRequest(`added_after: '${aa.slice(0, 60)}' is not a timestamp (YYYY-MM-DDTHH:MM:SS[.ffffff]Z)`)
  }
  const ids = has('match[id]') ? checked('match[id]', values(params, 'match[id]')?.map((v) => v.toLowerCase()).sort(), (v) => STIX_ID.test(v), 'a STIX identifier') : undefined
  const types = has('match[type]') ? checked('match[type]', values(params, 'match[type]'), (v) => STIX_TYPE.test(v), 'a STIX type name') : undefined
  const versions = has('match[version]') ? versionMatch(values(params, 'match[version]')) : undefined
  const specVersions = has('match[spec_version]')
    ? checked('match[spec_version]', values(params, 'match[spec_version]'), (v) => SPEC_VERSION.test(v), 'a spec version such as 2.1')
    : undefined
  const next = params.get('next') ?? undefined
  if (next !== undefined && (next === '' || next.length > 512)) throw badRequest('next: not a token this server issued')
  const filter: TaxiiFilter = {
    ...(addedAfter !== undefined && { addedAfter }),
    ...(ids && { ids }),
    ...(types && { types }),
    ...(versions && { versions }),
    ...(specVersions && { specVersions }),
  }
  const canonical = JSON.stringify([
    addedAfter ?? null,
    ids ?? null,
    types ?? null,
    versions ? [[...versions.keywords].sort(), versions.timestamps] : null,
    specVersions ?? null,
  ])
  return { filter, limit: parseLimit(params.get('limit')), canonical, ...(next !== undefined && { next }) }
}

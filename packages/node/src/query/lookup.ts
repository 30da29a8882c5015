import { BadRequestError } from '../errors.js'
import type { StoredVersion, StoreReader } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'
import { candidatesFor, ipPrefetch, type IpPrefetch } from './candidates.js'
import { creatorVerified, IdentityNames } from './creator.js'
import { IndicatorFieldCache } from './indicator-fields.js'
import { recogniseValue, type Recognised } from './recognise.js'
import { sightingsFor } from '../sighting/summary.js'
import type { LookupMatch, LookupOptions, LookupResponse, LookupResult, MatchKind, SelfIdentity } from './types.js'

/** docs/http-api.md: POST /api/v1/lookup takes at most 10,000 values. */
export const MAX_LOOKUP_VALUES = 10_000

export interface LookupDeps {
  readonly store: StoreReader
  readonly self: SelfIdentity
  readonly matcher?: WarninglistMatcher
  /** Epoch milliseconds; injected by tests. */
  readonly now?: () => number
}

/**
 * "Which active indicators match this value, from whom" (DESIGN.md, HTTP: Lookup).
 * Active = the current valid version of an indicator that is not revoked and is inside
 * [valid_from, valid_until) — the definition the feeds use, so a lookup and a feed never
 * disagree. Warninglist flags do not hide a match here: the answer lists the value's
 * warninglist hits beside it. The matching rules are in candidates.ts.
 */
export class Lookup {
  private readonly store: StoreReader
  private readonly self: SelfIdentity
  private readonly matcher: WarninglistMatcher | undefined
  private readonly now: () => number
  private readonly names: IdentityNames
  private readonly fields = new IndicatorFieldCache()
  private seenSeq = -1

  constructor(deps: LookupDeps) {
    this.store = deps.store
    this.self = deps.self
    this.matcher = deps.matcher
    this.now = deps.now ?? Date.now
    this.names = new IdentityNames(deps.store)
  }

  lookup(values: readonly string[], opts: LookupOptions = {}): LookupResponse {
    if (!Array.isArray(values)) throw new BadRequestError('lookup: values must be a list of strings')
    if (values.length > MAX_LOOKUP_VALUES) {
      throw new BadRequestError(`lookup: at most ${MAX_LOOKUP_VALUES} values per request, got ${values.length}`)
    }
    values.forEach((v, i) => {
      if (typeof v !== 'string') throw new BadRequestError(`lookup: values[${i}] must be a string, got ${v === null ? 'null' : typeof v}`)
    })
    this.sync()
    const now = this.now()
    const recognised = values.map((v) => recogniseValue(v))
    const prefetched =
      values.length > 1 ? ipPrefetch(this.store, recognised.flatMap((r) => (r.ok ? [r.observable] : []))) : undefined
    return { results: values.map((v, i) => this.one(v, recognised[i]!, now, opts.includeInactive === true, prefetched)) }
  }

  /** The name cache follows the store: when its log grew, identities may have changed. */
  private sync(): void {
    const last = this.store.lastSeq()
    if (last === this.seenSeq) return
    this.seenSeq = last
    this.names.clear()
  }

  private one(value: string, r: Recognised, now: number, includeInactive: boolean, prefetched: IpPrefetch | undefined): LookupResult {
    if (!r.ok) return { value, error: r.error, matches: [], warninglists: [] }
    const o = r.observable
    const matches: LookupMatch[] = []
    const seen = new Set<string>()
    for (const c of candidatesFor(this.store, o, prefetched)) {
      const v = c.match.object
      if (seen.has(v.id) || v.type !== 'indicator') continue
      if (!includeInactive && !isActive(v, now)) continue
      seen.add(v.id)
      matches.push(this.toMatch(v, c.kind))
    }
    const hits = this.matcher?.match(o.type, o.value, o.property) ?? []
    return {
      value,
      observable: { type: o.type, value: o.value, key: o.key },
      matches,
      warninglists: hits.map((h) => ({ list: h.list, entry: h.entry })),
    }
  }

  private toMatch(v: StoredVersion, kind: MatchKind): LookupMatch {
    const f = this.fields.get(v)
    const creatorName = v.createdByRef === null ? undefined : this.names.get(v.createdByRef)
    return {
      indicator_id: v.id,
      modified: v.modified,
      ...(f.name !== undefined ? { name: f.name } : {}),
      pattern: f.pattern,
      match: kind,
      creator: {
        ...(v.createdByRef !== null ? { identity_id: v.createdByRef } : {}),
        ...(creatorName !== undefined ? { name: creatorName } : {}),
        verified: creatorVerified(v),
        // An unsigned version can only have been made here (store/types.ts: "local only").
        local: v.signer === null ? v.origin === 'local' : v.signer === this.self.publicKey,
      },
      tlp: v.tlp,
      ...(v.confidence !== null ? { confidence: v.confidence } : {}),
      ...(f.validFrom !== undefined ? { valid_from: f.validFrom } : {}),
      ...(f.validUntil !== undefined ? { valid_until: f.validUntil } : {}),
      revoked: v.revoked,
      // One index seek per match: sightings carry a `sighting-of:<id>` entry (sighting/index-key.ts).
      sightings: sightingsFor(this.store, v.id, { name: (id) => this.names.get(id) }),
    }
  }
}

/** Same rule as store/active.ts, minus the flag test (flags are reported, not hidden). */
export function isActive(v: StoredVersion, now: number): boolean {
  return (
    v.status === 'valid' &&
    !v.revoked &&
    (v.validUntil === null || v.validUntil > now) &&
    (v.validFrom === null || v.validFrom <= now)
  )
}

/**
 * No duplicate indicators (DESIGN.md, "Anchors": duplicates from un-normalised patterns).
 * Before creating an indicator, its pattern's dedup key (docs/protocol.md §7.5) is looked
 * up among this node's current indicators and among those created earlier in the same
 * operation (not yet in the store while their batch is pending).
 */
import { buildPattern, parsePattern, patternDedupKey, type Observable } from '@certmesh/protocol'
import type { ObservableMatch, StoreReader } from '../store/index.js'
import { PATTERN_KEY_PREFIX } from './constants.js'

/**
 * The one observable of a pattern that is exactly one comparison of it: the pattern
 * buildPattern makes from it has the pattern's dedup key (pipeline.ts,
 * singleObservableDedupKey). Such an indicator is found through the observable's own key,
 * so it needs no `pattern:` pseudo-observable (one index entry less per indicator).
 */
export function singleObservable(observables: readonly Observable[], dedupKey: string): Observable | undefined {
  const [only] = observables
  return observables.length === 1 && only !== undefined && buildPattern(only) === dedupKey ? only : undefined
}

/**
 * Where our indicator with this dedup key can be indexed (prepare.ts): under the
 * `pattern:` pseudo-observable when its pattern is not one comparison of one observable,
 * or was stored before certmesh left that entry out; under the observable's own key when
 * it is (`single`: the observable whose built pattern IS the dedup key).
 */
export function dedupLookupKeys(dedupKey: string, single: Observable | undefined): string[] {
  return single === undefined ? [PATTERN_KEY_PREFIX + dedupKey] : [PATTERN_KEY_PREFIX + dedupKey, single.key]
}

/**
 * Store matches of dedupLookupKeys, by key → the candidates for `dedupKey`, in seq order:
 * every pseudo-observable match, and those of our indicators under the observable's key
 * whose own pattern has this dedup key (the observable may be one term of a longer one).
 */
export function dedupCandidates(
  byKey: ReadonlyMap<string, readonly ObservableMatch[]>,
  dedupKey: string,
  single: Observable | undefined,
  ourKey: string,
): ObservableMatch[] {
  const pseudo = byKey.get(PATTERN_KEY_PREFIX + dedupKey) ?? []
  if (single === undefined) return [...pseudo]
  const seen = new Set(pseudo.map((m) => m.object.seq))
  const direct = (byKey.get(single.key) ?? []).filter(
    (m) => m.object.signer === ourKey && m.object.type === 'indicator' && !seen.has(m.object.seq) && hasDedupKey(m.object.json, dedupKey),
  )
  return direct.length === 0 ? [...pseudo] : [...pseudo, ...direct].sort((a, b) => a.object.seq - b.object.seq)
}

/** The stored indicator's pattern has this dedup key (the pattern text itself, for ours). */
function hasDedupKey(json: string, dedupKey: string): boolean {
  const pattern = (JSON.parse(json) as { pattern?: unknown }).pattern
  if (typeof pattern !== 'string') return false
  if (pattern === dedupKey) return true
  try {
    return patternDedupKey(parsePattern(pattern)) === dedupKey
  } catch {
    return false
  }
}

export interface Existing {
  id: string
  flags: readonly string[]
}

export class DedupIndex {
  readonly #pending = new Map<string, Existing>()

  constructor(
    private readonly store: StoreReader,
    private readonly ourKey: string,
    private readonly now: number,
  ) {}

  /**
   * Our current, valid, non-revoked indicator with this dedup key. An expired one still
   * counts when it already runs as long as the new one would (re-importing an old file
   * must not duplicate it), but not when the new one would extend it.
   */
  find(dedupKey: string, validUntil: number, single?: Observable): Existing | undefined {
    const pending = this.#pending.get(dedupKey)
    if (pending !== undefined) return pending
    const byKey = new Map<string, ObservableMatch[]>()
    for (const key of dedupLookupKeys(dedupKey, single)) byKey.set(key, this.store.lookupObservable(key))
    return pickExisting(dedupCandidates(byKey, dedupKey, single, this.ourKey), this.ourKey, this.now, validUntil)
  }

  remember(dedupKey: string, existing: Existing): void {
    this.#pending.set(dedupKey, existing)
  }
}

/** The rule of DedupIndex.find over store matches of one dedup key (first match wins, seq order). */
export function pickExisting(matches: readonly ObservableMatch[], ourKey: string, now: number, validUntil: number): Existing | undefined {
  for (const m of matches) {
    const o = m.object
    if (o.type !== 'indicator' || o.signer !== ourKey || o.revoked || o.status !== 'valid') continue
    if (o.validUntil === null || o.validUntil > now || o.validUntil >= validUntil) return { id: o.id, flags: o.flags }
  }
  return undefined
}

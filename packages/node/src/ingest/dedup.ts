/**
 * No duplicate indicators (DESIGN.md, "Anchors": duplicates from un-normalised patterns).
 * Before creating an indicator, its pattern's dedup key (docs/protocol.md §7.5) is looked
 * up among this node's current indicators and among those created earlier in the same
 * operation (not yet in the store while their batch is pending).
 */
import type { ObservableMatch, StoreReader } from '../store/index.js'
import { PATTERN_KEY_PREFIX } from './constants.js'

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
  find(dedupKey: string, validUntil: number): Existing | undefined {
    const pending = this.#pending.get(dedupKey)
    if (pending !== undefined) return pending
    return pickExisting(this.store.lookupObservable(PATTERN_KEY_PREFIX + dedupKey), this.ourKey, this.now, validUntil)
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

import type { StoredVersion } from '../store/index.js'

/**
 * The few indicator properties a lookup answer shows that the store has no column for,
 * read from the stored JSON. A stored version never changes (it is keyed by its log
 * position `seq`), so the parsed fields are memoised by seq and a hot indicator is parsed
 * once, not once per lookup.
 */
export interface IndicatorFields {
  readonly name?: string
  readonly pattern: string
  readonly validFrom?: string
  readonly validUntil?: string
}

export function readIndicatorFields(json: string): IndicatorFields {
  let o: Record<string, unknown>
  try {
    o = JSON.parse(json) as Record<string, unknown>
  } catch {
    return { pattern: '' }
  }
  return {
    ...(typeof o.name === 'string' ? { name: o.name } : {}),
    pattern: typeof o.pattern === 'string' ? o.pattern : '',
    ...(typeof o.valid_from === 'string' ? { validFrom: o.valid_from } : {}),
    ...(typeof o.valid_until === 'string' ? { validUntil: o.valid_until } : {}),
  }
}

export class IndicatorFieldCache {
  private readonly bySeq = new Map<number, IndicatorFields>()

  constructor(private readonly max = 50_000) {}

  get(v: StoredVersion): IndicatorFields {
    let f = this.bySeq.get(v.seq)
    if (f === undefined) {
      f = readIndicatorFields(v.json)
      // Dropping everything when full is crude but O(1); hot entries come back on first use.
      if (this.bySeq.size >= this.max) this.bySeq.clear()
      this.bySeq.set(v.seq, f)
    }
    return f
  }
}

/**
 * One normalised observable → our signed indicator in the store, or the existing
 * equivalent one. Shared by the API (one indicator) and file imports (many): build the
 * pattern, dedup, build + sign, prepare, queue the write.
 */
import { buildPattern, canonicalize, type Observable } from '@certmesh/protocol'
import type { Store } from '../store/index.js'
import { BatchWriter } from './batch.js'
import type { IngestDeps } from './context.js'
import { DedupIndex } from './dedup.js'
import { buildIndicator, validityWindow, type IndicatorAttributes, type IndicatorContext } from './indicator.js'
import { prepareVersion } from './prepare.js'
import { rejected, type IngestItem, type ReportBuilder } from './report.js'

/**
 * The dedup key (docs/protocol.md §7.5) of a pattern buildPattern made from ONE
 * normalised observable is the pattern itself: one comparison (nothing to sort), a value
 * already normalised, hash names already canonical, and buildPattern quotes and escapes
 * exactly as printPattern does (§8.12, §7.3). pipeline.test.ts checks this for every
 * observable type, so the hot path skips parsing the pattern it has just written.
 */
export function singleObservableDedupKey(pattern: string): string {
  return pattern
}

export class IndicatorPipeline {
  readonly writer: BatchWriter
  readonly #dedup: DedupIndex
  readonly #ctx: IndicatorContext

  constructor(
    private readonly deps: IngestDeps & { store: Store },
    private readonly report: ReportBuilder,
    private readonly origin: string,
    now: number,
  ) {
    this.writer = new BatchWriter(deps.store, report)
    this.#dedup = new DedupIndex(deps.store, deps.signer.publicKeyB64, now)
    this.#ctx = { signer: deps.signer, now, validityDays: deps.config.indicators.validityDays }
  }

  /** Adds the item for `o` to the report and returns its slot (its status is final after `flush`). */
  add(o: Observable, attrs: IndicatorAttributes, source?: IngestItem['source']): number {
    const base: IngestItem = { status: 'created', type: 'indicator', value: o.value, ...(source !== undefined && { source }) }
    const window = validityWindow(o, attrs, this.#ctx)
    if (typeof window === 'string') return this.report.add(rejected('invalid-validity', window, { type: 'indicator', value: o.value, ...(source !== undefined && { source }) }))
    const pattern = buildPattern(o)
    const dedupKey = singleObservableDedupKey(pattern)
    const existing = this.#dedup.find(dedupKey, window[1])
    if (existing !== undefined) {
      return this.report.add({ ...base, status: 'unchanged', id: existing.id, ...(existing.flags.length > 0 && { flags: [...existing.flags] }) })
    }
    const obj = buildIndicator(o, attrs, this.#ctx, pattern)
    const version = prepareVersion(obj, canonicalize(obj), {
      origin: this.origin,
      signer: this.deps.signer.publicKeyB64,
      ...(this.deps.matcher !== undefined && { matcher: this.deps.matcher }),
      known: { observables: [o], dedupKey },
    })
    const slot = this.report.add({ ...base, id: version.id, ...(version.flags !== undefined && { flags: [...version.flags] }) })
    this.#dedup.remember(dedupKey, { id: version.id, flags: version.flags ?? [] })
    this.writer.add(version, slot)
    return slot
  }

  flush(): void {
    this.writer.flush()
  }
}

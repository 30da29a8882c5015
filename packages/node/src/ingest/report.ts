/**
 * The answer of every ingest operation (docs/http-api.md `IngestReport`): one item per
 * object or input line, in input order, and a summary. Items are filled in as the
 * pipeline goes; a queued write holds its slot until the batch is stored.
 *
 * A bulk import has one item per line (100,000+), and they live until the end of the
 * operation, so the ordinary indicator item (status, value, line/column, id, flags) is
 * kept in columns (report-rows.ts) and only becomes an IngestItem object in `finish`:
 * objects made per line and kept that long are promoted to V8's old generation and
 * multiply the garbage a major GC lets pile up (bench/ingest).
 */
import { ReportRows, STATUSES, type Status } from './report-rows.js'

export type IngestFormat = 'stix' | 'misp' | 'csv' | 'txt' | 'api'

export interface IngestItem {
  status: 'created' | 'updated' | 'unchanged' | 'rejected'
  /** STIX id of the stored object. */
  id?: string
  type?: string
  /** Normalised observable, for indicators. */
  value?: string
  /** e.g. "warninglist:List of RFC 1918 CIDR blocks". */
  flags?: string[]
  /** For rejected: stable code (e.g. 'invalid-value', 'not-creator', 'unsigned'). */
  reason?: string
  /** For rejected: what and where. For other items: a note (e.g. what a STIX 2.0 upgrade changed). */
  message?: string
  source?: { line?: number; column?: number; index?: number; ref?: string }
}

export interface IngestReport {
  format: IngestFormat
  summary: { created: number; updated: number; unchanged: number; flagged: number; rejected: number; skipped: number }
  items: IngestItem[]
  /** Items left out on purpose, counted by reason (e.g. MISP types that are not indicators). */
  skipped: Record<string, number>
}

const NO_FLAGS: readonly string[] = []

export class ReportBuilder {
  readonly skipped: Record<string, number> = {}
  /** Items that are not compact indicator rows, by slot. */
  readonly #objects = new Map<number, IngestItem>()
  readonly #rows = new ReportRows()

  constructor(readonly format: IngestFormat) {}

  get size(): number {
    return this.#rows.size
  }

  /** Appends an item and returns its slot number. */
  add(item: IngestItem): number {
    const slot = this.#rows.push()
    this.#objects.set(slot, item)
    return slot
  }

  /**
   * Appends an indicator item `{ status, type: 'indicator', value, source }`; kept compact
   * when its source is at most a line and column. Returns its slot.
   */
  addIndicator(status: Status, value: string, source?: IngestItem['source']): number {
    if (source !== undefined && (source.index !== undefined || source.ref !== undefined)) {
      return this.add({ status, type: 'indicator', value, source })
    }
    return this.#rows.push(status, value, source?.line, source?.column, source !== undefined)
  }

  /** Status, id and flags of an indicator item (its type, value and source stay). */
  resolve(slot: number, status: Status, id: string, flags: readonly string[]): void {
    const item = this.#objects.get(slot)
    if (item === undefined) return this.#rows.resolve(this.#check(slot), status, id, flags)
    const { reason: _r, message: _m, flags: _f, ...rest } = item
    this.#objects.set(slot, { ...rest, status, id, ...(flags.length > 0 && { flags: [...flags] }) })
  }

  /** Only the status of an item changes (e.g. the store's answer to its write). */
  setStatus(slot: number, status: Status): void {
    const item = this.#objects.get(slot)
    if (item === undefined) this.#rows.setStatus(this.#check(slot), status)
    else this.#objects.set(slot, { ...item, status })
  }

  id(slot: number): string | undefined {
    return this.#objects.has(slot) ? this.get(slot).id : this.#rows.id(this.#check(slot))
  }

  flags(slot: number): readonly string[] {
    return (this.#objects.has(slot) ? this.get(slot).flags : this.#rows.flags(this.#check(slot))) ?? NO_FLAGS
  }

  get(slot: number): IngestItem {
    return this.#objects.get(slot) ?? this.#rows.item(this.#check(slot))
  }

  /** Replaces the item in a slot (a queued write whose result is now known). */
  set(slot: number, item: IngestItem): void {
    this.#check(slot)
    this.#objects.set(slot, item)
  }

  skip(reason: string, by = 1): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + by
  }

  skipAll(counts: Record<string, number>): void {
    for (const [reason, n] of Object.entries(counts)) this.skip(reason, n)
  }

  finish(): IngestReport {
    const summary = { created: 0, updated: 0, unchanged: 0, flagged: 0, rejected: 0, skipped: 0 }
    const items: IngestItem[] = new Array<IngestItem>(this.size)
    for (let slot = 0; slot < items.length; slot++) {
      const item = this.get(slot)
      items[slot] = item
      summary[item.status]++
      if (item.flags !== undefined && item.flags.length > 0) summary.flagged++
    }
    for (const n of Object.values(this.skipped)) summary.skipped += n
    return { format: this.format, summary, items, skipped: this.skipped }
  }

  #check(slot: number): number {
    if (!Number.isInteger(slot) || slot < 0 || slot >= this.#rows.size) throw new RangeError(`report slot ${slot} does not exist`)
    return slot
  }
}

export { STATUSES, type Status }

/** A rejected item. */
export function rejected(reason: string, message: string, extra: Partial<IngestItem> = {}): IngestItem {
  const { status: _s, flags: _f, ...rest } = extra
  return { ...rest, status: 'rejected', reason, message }
}

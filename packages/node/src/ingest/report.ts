/**
 * The answer of every ingest operation (docs/http-api.md `IngestReport`): one item per
 * object or input line, in input order, and a summary. Items are filled in as the
 * pipeline goes; a queued write holds its slot until the batch is stored.
 */
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

export class ReportBuilder {
  readonly items: IngestItem[] = []
  readonly skipped: Record<string, number> = {}

  constructor(readonly format: IngestFormat) {}

  /** Appends an item and returns its slot number. */
  add(item: IngestItem): number {
    this.items.push(item)
    return this.items.length - 1
  }

  get(slot: number): IngestItem {
    const item = this.items[slot]
    if (item === undefined) throw new RangeError(`report slot ${slot} does not exist`)
    return item
  }

  /** Replaces the item in a slot (a queued write whose result is now known). */
  set(slot: number, item: IngestItem): void {
    this.get(slot)
    this.items[slot] = item
  }

  skip(reason: string, by = 1): void {
    this.skipped[reason] = (this.skipped[reason] ?? 0) + by
  }

  skipAll(counts: Record<string, number>): void {
    for (const [reason, n] of Object.entries(counts)) this.skip(reason, n)
  }

  /** Stable sort by source line (items without a line keep their place at the front). */
  sortByLine(): void {
    const keyed = this.items.map((item, i) => ({ item, i, line: item.source?.line ?? 0 }))
    keyed.sort((a, b) => a.line - b.line || a.i - b.i)
    keyed.forEach((k, i) => (this.items[i] = k.item))
  }

  finish(): IngestReport {
    const summary = { created: 0, updated: 0, unchanged: 0, flagged: 0, rejected: 0, skipped: 0 }
    for (const item of this.items) {
      summary[item.status]++
      if (item.flags !== undefined && item.flags.length > 0) summary.flagged++
    }
    for (const n of Object.values(this.skipped)) summary.skipped += n
    return { format: this.format, summary, items: this.items, skipped: this.skipped }
  }
}

/** A rejected item. */
export function rejected(reason: string, message: string, extra: Partial<IngestItem> = {}): IngestItem {
  const { status: _s, flags: _f, ...rest } = extra
  return { ...rest, status: 'rejected', reason, message }
}

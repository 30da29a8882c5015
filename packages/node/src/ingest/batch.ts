/**
 * Writes prepared versions in batches, one store transaction each (store.putBatch), and
 * turns every PutResult into the final state of its report item. A batch of ~1,000
 * amortises the fsync that synchronous=FULL costs per commit (DESIGN.md invariant 5).
 */
import type { PreparedVersion, PutResult, Store } from '../store/index.js'
import { BATCH_SIZE } from './constants.js'
import type { IngestItem, ReportBuilder } from './report.js'

export function itemFor(base: IngestItem, v: PreparedVersion, r: PutResult): IngestItem {
  const flags = v.flags !== undefined && v.flags.length > 0 ? { flags: [...v.flags] } : {}
  const { reason: _r, message: _m, flags: _f, ...rest } = base
  switch (r.status) {
    case 'created':
    case 'updated':
    case 'unchanged':
      return { ...rest, status: r.status, ...flags, ...(base.message !== undefined && { message: base.message }) }
    case 'older-version':
      return { ...rest, status: 'unchanged', ...flags, message: `a later version of ${v.id} is already stored; ${v.modified} was kept as history` }
    case 'rejected':
      return { ...rest, status: 'rejected', reason: r.reason, message: r.message }
  }
}

export class BatchWriter {
  #queue: PreparedVersion[] = []
  #slots: number[] = []

  constructor(
    private readonly store: Store,
    private readonly report: ReportBuilder,
    private readonly size: number = BATCH_SIZE,
  ) {}

  /** Queues a version whose report item sits in `slot`; writes when the batch is full. */
  add(version: PreparedVersion, slot: number): void {
    this.#queue.push(version)
    this.#slots.push(slot)
    if (this.#queue.length >= this.size) this.flush()
  }

  get pending(): number {
    return this.#queue.length
  }

  flush(): void {
    if (this.#queue.length === 0) return
    const versions = this.#queue
    const slots = this.#slots
    this.#queue = []
    this.#slots = []
    const results = this.store.putBatch(versions)
    results.forEach((r, i) => {
      const slot = slots[i] as number
      this.report.set(slot, itemFor(this.report.get(slot), versions[i] as PreparedVersion, r))
    })
  }
}

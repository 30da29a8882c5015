/**
 * Indicator report items in columns: a status byte, line and column numbers in typed
 * arrays, the value and id strings in plain arrays, flags only for the few flagged
 * ones. One import line costs two array slots and two strings instead of two objects
 * rebuilt at every step (report.ts says why that matters).
 */
import type { IngestItem } from './report.js'

export const STATUSES = ['created', 'updated', 'unchanged'] as const
export type Status = (typeof STATUSES)[number]

/** Status code of a slot that holds an object item instead (ReportBuilder #objects). */
const OBJECT = 255
/** `line` of an item without a `source`. */
const NO_SOURCE = -1
/** `line` or `column` absent from the item's `source`. */
const ABSENT = 0

export class ReportRows {
  #status = new Uint8Array(1024)
  #line = new Int32Array(1024)
  #column = new Int32Array(1024)
  readonly #value: (string | undefined)[] = []
  readonly #id: (string | undefined)[] = []
  readonly #flags = new Map<number, readonly string[]>()
  #size = 0

  get size(): number {
    return this.#size
  }

  /** A new row; without a status it only reserves the slot for an object item. */
  push(status?: Status, value?: string, line?: number, column?: number, hasSource = line !== undefined || column !== undefined): number {
    const slot = this.#size
    if (slot === this.#status.length) this.#grow()
    this.#status[slot] = status === undefined ? OBJECT : STATUSES.indexOf(status)
    this.#line[slot] = hasSource ? (line ?? ABSENT) : NO_SOURCE
    this.#column[slot] = column ?? ABSENT
    this.#value.push(value)
    this.#id.push(undefined)
    this.#size++
    return slot
  }

  resolve(slot: number, status: Status, id: string, flags: readonly string[]): void {
    this.setStatus(slot, status)
    this.#id[slot] = id
    if (flags.length > 0) this.#flags.set(slot, flags)
    else this.#flags.delete(slot)
  }

  setStatus(slot: number, status: Status): void {
    this.#status[slot] = STATUSES.indexOf(status)
  }

  id(slot: number): string | undefined {
    return this.#id[slot]
  }

  flags(slot: number): readonly string[] | undefined {
    return this.#flags.get(slot)
  }

  /** The row as the IngestItem the pipeline used to build (same key order). */
  item(slot: number): IngestItem {
    const status = STATUSES[this.#status[slot] ?? OBJECT]
    if (status === undefined) throw new RangeError(`report slot ${slot} holds no indicator row`)
    const item: IngestItem = { status, type: 'indicator' }
    const value = this.#value[slot]
    if (value !== undefined) item.value = value
    const line = this.#line[slot] ?? NO_SOURCE
    if (line !== NO_SOURCE) {
      const column = this.#column[slot] ?? ABSENT
      item.source = line === ABSENT ? {} : { line }
      if (column !== ABSENT) item.source.column = column
    }
    const id = this.#id[slot]
    if (id !== undefined) item.id = id
    const flags = this.#flags.get(slot)
    if (flags !== undefined) item.flags = [...flags]
    return item
  }

  #grow(): void {
    const n = this.#status.length * 2
    const status = new Uint8Array(n)
    status.set(this.#status)
    const line = new Int32Array(n)
    line.set(this.#line)
    const column = new Int32Array(n)
    column.set(this.#column)
    this.#status = status
    this.#line = line
    this.#column = column
  }
}

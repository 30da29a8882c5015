import { PROGRESS_STEPS } from './constants.js'

export type ProgressCallback = (done: number, total: number) => void

/** Calls `cb` about every 1 % of `total` and at the end; a no-op without a callback. */
export function progressReporter(total: number, cb?: ProgressCallback): (done: number) => void {
  if (cb === undefined) return () => {}
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS))
  return (done) => {
    if (done % step === 0 || done === total) cb(done, total)
  }
}

/**
 * For a stream read line by line: `done` is the line reached, `total` the lines in the
 * input; about every 1 %, whatever lines are skipped, and `end()` reports the total.
 */
export function lineProgress(total: number, cb?: ProgressCallback): { at(line: number): void; end(): void } {
  if (cb === undefined) return { at: () => {}, end: () => {} }
  const step = Math.max(1, Math.ceil(total / PROGRESS_STEPS))
  let next = step
  return {
    at: (line) => {
      if (line < next || line >= total) return
      cb(line, total)
      next = (Math.floor(line / step) + 1) * step
    },
    end: () => cb(total, total),
  }
}

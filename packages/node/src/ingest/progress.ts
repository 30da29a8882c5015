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

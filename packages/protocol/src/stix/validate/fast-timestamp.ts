/**
 * Fast paths for the STIX 2.1 §3.2 timestamp checks the validator repeats on every object.
 * Each answers only the common, valid case by scanning character codes; anything else is
 * handed to ../timestamp.js, which stays the single source of truth for verdicts and messages.
 */
import { compareStixTimestamps, hasMillisecondPrecision, stixTimestampProblem } from '../timestamp.js'

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

function two(text: string, i: number): number {
  const a = digit(text, i)
  const b = digit(text, i + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}

/** True when `text` is certainly a valid `YYYY-MM-DDTHH:MM:SS[.d+]Z` timestamp. */
function fastValid(text: string): boolean {
  const n = text.length
  if (n < 20 || text.charCodeAt(n - 1) !== 90 /* Z */) return false
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84) return false
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return false
  if (n > 20) {
    if (n === 21 || text.charCodeAt(19) !== 46 /* . */) return false
    for (let i = 20; i < n - 1; i++) if (digit(text, i) < 0) return false
  }
  const hi = two(text, 0)
  const lo = two(text, 2)
  const month = two(text, 5)
  const day = two(text, 8)
  const hour = two(text, 11)
  const minute = two(text, 14)
  const second = two(text, 17)
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return false
  if (minute < 0 || minute > 59 || second < 0 || second > 60) return false
  const year = hi * 100 + lo
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const max = month === 2 && leap ? 29 : (DAYS[month] as number)
  return day <= max
}

/** Same result as stixTimestampProblem. */
export function timestampProblem(text: string): string | undefined {
  return fastValid(text) ? undefined : stixTimestampProblem(text)
}

/** Same result as isStixTimestamp. */
export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && (fastValid(value) || stixTimestampProblem(value) === undefined)
}

/** Same result as hasMillisecondPrecision. */
export function hasMillis(text: string): boolean {
  if (fastValid(text)) return text.length >= 24
  return hasMillisecondPrecision(text)
}

/**
 * Same result as compareStixTimestamps for two valid timestamps. The fixed-width
 * `YYYY-MM-DDTHH:MM:SS` prefix orders like the instant itself, except for a leap second
 * (`:60` equals the next minute's `:00`), which goes to the exact comparison.
 */
export function compareTimestamps(a: string, b: string): -1 | 0 | 1 {
  if (!fastValid(a) || !fastValid(b) || a.charCodeAt(17) === 54 || b.charCodeAt(17) === 54) {
    return compareStixTimestamps(a, b)
  }
  const pa = a.slice(0, 19)
  const pb = b.slice(0, 19)
  if (pa !== pb) return pa < pb ? -1 : 1
  const fa = a.length > 20 ? a.slice(20, -1) : ''
  const fb = b.length > 20 ? b.slice(20, -1) : ''
  if (fa.length === fb.length) return fa === fb ? 0 : fa < fb ? -1 : 1
  const width = Math.max(fa.length, fb.length)
  const xa = fa.padEnd(width, '0')
  const xb = fb.padEnd(width, '0')
  return xa === xb ? 0 : xa < xb ? -1 : 1
}

/**
 * The one reader of STIX 2.1 §3.2 timestamps: RFC 3339 §5.6 `date-time` in UTC written
 * `YYYY-MM-DDTHH:MM:SS[.d+]Z` (upper-case `T` and `Z`, any number of fraction digits).
 * Everything else that reads such a timestamp (the validator, the node's store keys, TAXII
 * `added_after`, lenient ingest dates) builds on these functions.
 *
 * The text is scanned by character code, without a regular expression and without
 * allocating on the check path: validateObject checks several timestamps per object and
 * the store parses one per stored version, so this sits on both hot paths.
 */

export interface StixTimestampFields {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  /** 0–60: RFC 3339 §5.6 allows a leap second. */
  readonly second: number
  /** The fractional-second digits exactly as written ('' when none). */
  readonly fraction: string
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Days in `month` (1–12) of the proleptic Gregorian `year` (RFC 3339 Appendix C). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return DAYS[month] ?? 0
}

/**
 * Epoch milliseconds of a UTC date and time, with literal years: Date.UTC maps years 0–99
 * onto 1900–1999. A leap second (60) rolls into the next minute.
 */
export function utcEpochMs(year: number, month: number, day: number, hour: number, minute: number, second: number, ms = 0): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, ms)
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, ms)
  return d.getTime()
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : -1
}

/** The two digits at `i` as a number, or -1. */
function two(text: string, i: number): number {
  const a = digit(text, i)
  const b = digit(text, i + 1)
  return a < 0 || b < 0 ? -1 : a * 10 + b
}

// The fields sit at fixed positions once the syntax is known to be right.
const yearOf = (text: string): number => two(text, 0) * 100 + two(text, 2)
const monthOf = (text: string): number => two(text, 5)
const dayOf = (text: string): number => two(text, 8)
const hourOf = (text: string): number => two(text, 11)
const minuteOf = (text: string): number => two(text, 14)
const secondOf = (text: string): number => two(text, 17)

/** True when `text` has the form `YYYY-MM-DDTHH:MM:SS[.d+]Z`, whatever the field values. */
export function hasStixTimestampSyntax(text: string): boolean {
  if (typeof text !== 'string') return false
  const n = text.length
  if (n < 20 || text.charCodeAt(n - 1) !== 90 /* Z */) return false
  if (text.charCodeAt(4) !== 45 /* - */ || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 /* T */) return false
  if (text.charCodeAt(13) !== 58 /* : */ || text.charCodeAt(16) !== 58) return false
  if (n > 20) {
    if (n === 21 || text.charCodeAt(19) !== 46 /* . */) return false
    for (let i = 20; i < n - 1; i++) if (digit(text, i) < 0) return false
  }
  return two(text, 0) >= 0 && two(text, 2) >= 0 && monthOf(text) >= 0 && dayOf(text) >= 0 &&
    hourOf(text) >= 0 && minuteOf(text) >= 0 && secondOf(text) >= 0
}

/** For a text with the right syntax: every field is in range and the day exists. */
function fieldsInRange(text: string): boolean {
  const month = monthOf(text)
  const day = dayOf(text)
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(yearOf(text), month) &&
    hourOf(text) <= 23 && minuteOf(text) <= 59 && secondOf(text) <= 60
}

/** True when `text` is a valid STIX timestamp: right syntax and an existing date and time. */
export function isValidStixTimestamp(text: string): boolean {
  return hasStixTimestampSyntax(text) && fieldsInRange(text)
}

/** Why `text` is not a STIX timestamp, or undefined when it is. */
export function stixTimestampProblem(text: string): string | undefined {
  if (isValidStixTimestamp(text)) return undefined
  if (!hasStixTimestampSyntax(text)) return "is not an RFC 3339 UTC timestamp 'YYYY-MM-DDTHH:MM:SS[.s+]Z'"
  const month = monthOf(text)
  const day = dayOf(text)
  if (month < 1 || month > 12) return `has month ${month}, outside 01-12`
  if (day < 1 || day > daysInMonth(yearOf(text), month)) return `has day ${day}, which does not exist in ${text.slice(0, 7)}`
  if (hourOf(text) > 23) return `has hour ${hourOf(text)}, outside 00-23`
  if (minuteOf(text) > 59) return `has minute ${minuteOf(text)}, outside 00-59`
  return `has second ${secondOf(text)}, outside 00-60`
}

/** The fields of a valid STIX timestamp, or undefined when `text` is not one. */
export function readStixTimestamp(text: string): StixTimestampFields | undefined {
  if (!hasStixTimestampSyntax(text)) return undefined
  const year = yearOf(text)
  const month = monthOf(text)
  const day = dayOf(text)
  const hour = hourOf(text)
  const minute = minuteOf(text)
  const second = secondOf(text)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 60) return undefined
  return { year, month, day, hour, minute, second, fraction: text.length > 20 ? text.slice(20, -1) : '' }
}

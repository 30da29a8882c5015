import { StoreInputError } from './errors.js'

/**
 * STIX 2.1 timestamps (§3.2) are RFC 3339 in UTC with any number of fraction digits, and
 * `modified` must keep the precision it was written with. Two texts can name the same
 * instant ("…:00.1Z" and "…:00.100Z"), and a plain string compare puts "…:00Z" after
 * "…:00.5Z" ('Z' sorts after '.'). The store therefore keys versions by a normalised text
 * whose byte order is instant order.
 */
const STIX_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/

/** Fraction digits are padded to nanoseconds so that keys of equal precision have equal length. */
const KEY_FRACTION_DIGITS = 9

export interface ParsedTimestamp {
  /** Whole milliseconds since the epoch (fraction truncated). */
  readonly ms: number
  /** Sortable key: `YYYY-MM-DDTHH:MM:SS.fffffffff[more digits]`, trailing zeros beyond 9 digits dropped. */
  readonly key: string
}

export function parseStixTimestamp(text: string, where = 'timestamp'): ParsedTimestamp {
  const m = STIX_TIMESTAMP.exec(text)
  if (!m) throw new StoreInputError(`${where}: '${text}' is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)`)
  const [, y, mo, d, h, mi, s, frac = ''] = m as unknown as [string, string, string, string, string, string, string, string?]
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (
    month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) ||
    hour > 23 || minute > 59 || second > 60
  ) {
    throw new StoreInputError(`${where}: '${text}' is not a valid calendar date and time`)
  }
  // RFC 3339 §5.7 allows a leap second (60): it rolls into the next minute for the
  // millisecond value, while the key keeps ":60" sorting after ":59".
  const ms = utcMs(year, month, day, hour, minute, second) + Number(frac.slice(0, 3).padEnd(3, '0'))
  const trimmed = frac.replace(/0+$/, '')
  const fraction = trimmed.length >= KEY_FRACTION_DIGITS ? trimmed : trimmed.padEnd(KEY_FRACTION_DIGITS, '0')
  return { ms, key: `${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction}` }
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second)
  // Date.UTC maps years 0-99 onto 1900-1999; STIX years are literal.
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, 0)
  return d.getTime()
}

/** Instant order of two STIX timestamps, exact at any fraction precision. */
export function compareStixTimestamps(a: string, b: string): number {
  const ka = parseStixTimestamp(a).key
  const kb = parseStixTimestamp(b).key
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

/** The key of an epoch-millisecond instant, comparable with `parseStixTimestamp(...).key`. */
export function keyOfMs(ms: number): string {
  const iso = new Date(ms).toISOString() // YYYY-MM-DDTHH:MM:SS.sssZ for years 0-9999
  return `${iso.slice(0, 23)}000000`
}

/**
 * STIX 2.1 §3.2 timestamps: RFC 3339 `date-time` in UTC, upper-case `T` and `Z`, any number
 * of fractional-second digits. `created`/`modified` MUST be precise to the millisecond or
 * finer (OASIS schema common/core.json: `\.\d{3,}Z$`).
 *
 * JavaScript Dates stop at milliseconds, but STIX producers (python-stix2, TAXII servers)
 * write microseconds, and versions are ordered by `modified`: comparisons here keep every
 * written digit so `…00.123456Z` and `…00.123457Z` never compare equal.
 */

export type TimestampPrecision = 'second' | 'millisecond' | 'microsecond' | 'nanosecond'

export interface ParsedStixTimestamp {
  /** The input string. */
  text: string
  /** Whole seconds since the Unix epoch (may be negative). */
  epochSeconds: number
  /** Milliseconds since the Unix epoch, truncated. */
  epochMs: number
  /** Nanoseconds within the millisecond (0–999,999), truncated past 9 digits. */
  nanosOfMs: number
  /** The fractional-second digits exactly as written ('' when none). */
  fraction: string
  fractionDigits: number
  /** The finest unit the written digits reach (1–3 digits: millisecond, 4–6: microsecond, …). */
  precision: TimestampPrecision
}

export class StixTimestampError extends Error {
  override readonly name = 'StixTimestampError'
}

const TIMESTAMP_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
    return leap ? 29 : 28
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function precisionOf(digits: number): TimestampPrecision {
  if (digits === 0) return 'second'
  if (digits <= 3) return 'millisecond'
  if (digits <= 6) return 'microsecond'
  return 'nanosecond'
}

/** Why `text` is not a STIX timestamp, or undefined when it is. */
export function stixTimestampProblem(text: string): string | undefined {
  const m = TIMESTAMP_RE.exec(text)
  if (!m) return "is not an RFC 3339 UTC timestamp 'YYYY-MM-DDTHH:MM:SS[.s+]Z'"
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12) return `has month ${month}, outside 01-12`
  if (day < 1 || day > daysInMonth(year, month)) return `has day ${day}, which does not exist in ${m[1]}-${m[2]}`
  if (hour > 23) return `has hour ${hour}, outside 00-23`
  if (minute > 59) return `has minute ${minute}, outside 00-59`
  // RFC 3339 §5.6 allows a leap second (60).
  if (second > 60) return `has second ${second}, outside 00-60`
  return undefined
}

export function isStixTimestamp(text: unknown): text is string {
  return typeof text === 'string' && stixTimestampProblem(text) === undefined
}

/** Parses a STIX timestamp; throws StixTimestampError saying what is wrong. */
export function parseStixTimestamp(text: string): ParsedStixTimestamp {
  const problem = stixTimestampProblem(text)
  if (problem) throw new StixTimestampError(`timestamp '${text.slice(0, 64)}' ${problem}`)
  const m = TIMESTAMP_RE.exec(text) as RegExpExecArray
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const fraction = m[7] ?? ''
  // setUTCFullYear avoids Date.UTC's mapping of years 0–99 to 1900–1999.
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  d.setUTCHours(hour, minute, second, 0)
  const epochSeconds = d.getTime() / 1000
  const nineDigits = fraction.padEnd(9, '0').slice(0, 9)
  const ms = Number(nineDigits.slice(0, 3))
  return {
    text,
    epochSeconds,
    epochMs: epochSeconds * 1000 + ms,
    nanosOfMs: Number(nineDigits.slice(3)),
    fraction,
    fractionDigits: fraction.length,
    precision: precisionOf(fraction.length),
  }
}

/** True when the timestamp has at least 3 fractional digits (§3.2 created/modified rule). */
export function hasMillisecondPrecision(text: string): boolean {
  const m = TIMESTAMP_RE.exec(text)
  return m !== null && (m[7]?.length ?? 0) >= 3
}

function asParsed(t: string | ParsedStixTimestamp): ParsedStixTimestamp {
  return typeof t === 'string' ? parseStixTimestamp(t) : t
}

/**
 * Exact ordering of two timestamps over all written digits: -1, 0 or 1.
 * `…00.1Z` and `…00.100000Z` are equal. Throws StixTimestampError on malformed input.
 */
export function compareStixTimestamps(a: string | ParsedStixTimestamp, b: string | ParsedStixTimestamp): -1 | 0 | 1 {
  const pa = asParsed(a)
  const pb = asParsed(b)
  if (pa.epochSeconds !== pb.epochSeconds) return pa.epochSeconds < pb.epochSeconds ? -1 : 1
  const width = Math.max(pa.fraction.length, pb.fraction.length)
  const fa = pa.fraction.padEnd(width, '0')
  const fb = pb.fraction.padEnd(width, '0')
  if (fa === fb) return 0
  return fa < fb ? -1 : 1
}

/** Microseconds since the epoch (digits beyond the microsecond are truncated). */
export function toEpochMicros(t: string | ParsedStixTimestamp): bigint {
  const p = asParsed(t)
  return BigInt(p.epochSeconds) * 1_000_000n + BigInt(p.fraction.padEnd(6, '0').slice(0, 6))
}

const DIGITS: Record<TimestampPrecision, number> = { second: 0, millisecond: 3, microsecond: 6, nanosecond: 9 }

/**
 * Formats a Date, a bigint count of epoch microseconds, or a parsed timestamp as a STIX
 * timestamp with exactly the digits `precision` asks for. Extra digits are truncated, never
 * rounded, so a formatted value never lies after the instant it came from.
 */
export function formatStixTimestamp(
  value: Date | bigint | ParsedStixTimestamp,
  precision: TimestampPrecision = 'millisecond',
): string {
  let epochSeconds: number
  let fraction: string
  if (value instanceof Date) {
    const ms = value.getTime()
    if (!Number.isFinite(ms)) throw new StixTimestampError('cannot format an invalid Date as a STIX timestamp')
    epochSeconds = Math.floor(ms / 1000)
    fraction = String(ms - epochSeconds * 1000).padStart(3, '0')
  } else if (typeof value === 'bigint') {
    let seconds = value / 1_000_000n
    let micros = value % 1_000_000n
    if (micros < 0n) {
      micros += 1_000_000n
      seconds -= 1n
    }
    epochSeconds = Number(seconds)
    fraction = String(micros).padStart(6, '0')
  } else {
    epochSeconds = value.epochSeconds
    fraction = value.fraction
  }
  const d = new Date(epochSeconds * 1000)
  const year = d.getUTCFullYear()
  if (!Number.isFinite(d.getTime()) || year < 0 || year > 9999) {
    throw new StixTimestampError(`instant ${epochSeconds}s since the epoch is outside years 0000-9999`)
  }
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
  const base =
    `${pad(year, 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  const digits = DIGITS[precision]
  return digits === 0 ? `${base}Z` : `${base}.${fraction.padEnd(digits, '0').slice(0, digits)}Z`
}

/** The current time as a STIX timestamp with millisecond precision. */
export function nowStixTimestamp(precision: TimestampPrecision = 'millisecond'): string {
  return formatStixTimestamp(new Date(), precision)
}

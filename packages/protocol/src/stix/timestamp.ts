/**
 * STIX 2.1 §3.2 timestamps: RFC 3339 `date-time` in UTC, upper-case `T` and `Z`, any number
 * of fractional-second digits. `created`/`modified` MUST be precise to the millisecond or
 * finer (OASIS schema common/core.json: `\.\d{3,}Z$`).
 *
 * JavaScript Dates stop at milliseconds, but STIX producers (python-stix2, TAXII servers)
 * write microseconds, and versions are ordered by `modified`: comparisons here keep every
 * written digit so `…00.123456Z` and `…00.123457Z` never compare equal.
 */

import {
  hasStixTimestampSyntax,
  isValidStixTimestamp,
  readStixTimestamp,
  stixTimestampProblem,
  utcEpochMs,
} from './timestamp-fields.js'

export {
  daysInMonth,
  hasStixTimestampSyntax,
  readStixTimestamp,
  stixTimestampProblem,
  utcEpochMs,
  type StixTimestampFields,
} from './timestamp-fields.js'

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

function precisionOf(digits: number): TimestampPrecision {
  if (digits === 0) return 'second'
  if (digits <= 3) return 'millisecond'
  if (digits <= 6) return 'microsecond'
  return 'nanosecond'
}

export function isStixTimestamp(text: unknown): text is string {
  return typeof text === 'string' && isValidStixTimestamp(text)
}

/** Parses a STIX timestamp; throws StixTimestampError saying what is wrong. */
export function parseStixTimestamp(text: string): ParsedStixTimestamp {
  const f = readStixTimestamp(text)
  if (f === undefined) throw new StixTimestampError(`timestamp '${String(text).slice(0, 64)}' ${stixTimestampProblem(text)}`)
  const epochSeconds = utcEpochMs(f.year, f.month, f.day, f.hour, f.minute, f.second) / 1000
  const fraction = f.fraction
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
  // With the syntax right, the fraction has length - 21 digits.
  return hasStixTimestampSyntax(text) && text.length >= 24
}

function asParsed(t: string | ParsedStixTimestamp): ParsedStixTimestamp {
  return typeof t === 'string' ? parseStixTimestamp(t) : t
}

/**
 * Exact ordering of two timestamps over all written digits: -1, 0 or 1.
 * `…00.1Z` and `…00.100000Z` are equal. Throws StixTimestampError on malformed input.
 */
export function compareStixTimestamps(a: string | ParsedStixTimestamp, b: string | ParsedStixTimestamp): -1 | 0 | 1 {
  if (typeof a === 'string' && typeof b === 'string') {
    const fast = compareTexts(a, b)
    if (fast !== undefined) return fast
  }
  const pa = asParsed(a)
  const pb = asParsed(b)
  if (pa.epochSeconds !== pb.epochSeconds) return pa.epochSeconds < pb.epochSeconds ? -1 : 1
  const width = Math.max(pa.fraction.length, pb.fraction.length)
  const fa = pa.fraction.padEnd(width, '0')
  const fb = pb.fraction.padEnd(width, '0')
  if (fa === fb) return 0
  return fa < fb ? -1 : 1
}

/**
 * The validator compares created/modified on every object, so two valid texts are ordered
 * without parsing: the fixed-width `YYYY-MM-DDTHH:MM:SS` prefix orders like the instant,
 * except a leap second (`:60` equals the next minute's `:00`), left to the exact path.
 */
function compareTexts(a: string, b: string): -1 | 0 | 1 | undefined {
  if (!isValidStixTimestamp(a) || !isValidStixTimestamp(b) || a.charCodeAt(17) === 54 || b.charCodeAt(17) === 54) return undefined
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

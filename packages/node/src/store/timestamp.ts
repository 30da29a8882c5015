import { hasStixTimestampSyntax, readStixTimestamp, utcEpochMs } from '@certmesh/protocol'
import { StoreInputError } from './errors.js'

/**
 * STIX 2.1 timestamps (§3.2) are RFC 3339 in UTC with any number of fraction digits, and
 * `modified` must keep the precision it was written with. Two texts can name the same
 * instant ("…:00.1Z" and "…:00.100Z"), and a plain string compare puts "…:00Z" after
 * "…:00.5Z" ('Z' sorts after '.'). The store therefore keys versions by a normalised text
 * whose byte order is instant order.
 */

/** Fraction digits are padded to nanoseconds so that keys of equal precision have equal length. */
const KEY_FRACTION_DIGITS = 9

export interface ParsedTimestamp {
  /** Whole milliseconds since the epoch (fraction truncated). */
  readonly ms: number
  /** Sortable key: `YYYY-MM-DDTHH:MM:SS.fffffffff[more digits]`, trailing zeros beyond 9 digits dropped. */
  readonly key: string
}

/** Reads the timestamp with @certmesh/protocol's parser and derives the store's key from it. */
export function parseStixTimestamp(text: string, where = 'timestamp'): ParsedTimestamp {
  const f = readStixTimestamp(text)
  if (f === undefined) {
    throw new StoreInputError(
      hasStixTimestampSyntax(text)
        ? `${where}: '${text}' is not a valid calendar date and time`
        : `${where}: '${text}' is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)`,
    )
  }
  // RFC 3339 §5.7 allows a leap second (60): it rolls into the next minute for the
  // millisecond value, while the key keeps ":60" sorting after ":59".
  const frac = f.fraction
  const ms = utcEpochMs(f.year, f.month, f.day, f.hour, f.minute, f.second) + Number(frac.slice(0, 3).padEnd(3, '0'))
  const trimmed = frac.replace(/0+$/, '')
  const fraction = trimmed.length >= KEY_FRACTION_DIGITS ? trimmed : trimmed.padEnd(KEY_FRACTION_DIGITS, '0')
  // The first 19 characters are the fixed-width `YYYY-MM-DDTHH:MM:SS`.
  return { ms, key: `${text.slice(0, 19)}.${fraction}` }
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

/**
 * Checks and canonical forms of the typed constants of STIX 2.1 section 9.3
 * (`t'…'`, `h'…'`, `b'…'`, numbers), following the token rules of STIXPattern.g4.
 * Each check returns `undefined` when the text is valid, or the reason it is not.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/

/**
 * The grammar's TimestampLiteral: RFC 3339 in UTC with an upper-case `T` and `Z`,
 * month 01–12, day 01–31, hour 00–23, minute 00–59, second 00–60 (leap second).
 * Like the grammar (and the OASIS validator), it does not check the day against the
 * month: `2024-02-30` is accepted.
 */
export function timestampProblem(text: string): string | undefined {
  const m = TIMESTAMP.exec(text)
  if (m === null) return 'expected the form YYYY-MM-DDTHH:MM:SS[.fraction]Z'
  const [month, day, hour, minute, second] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12) return `month ${m[2]} is not in 01..12`
  if (day < 1 || day > 31) return `day ${m[3]} is not in 01..31`
  if (hour > 23) return `hour ${m[4]} is not in 00..23`
  if (minute > 59) return `minute ${m[5]} is not in 00..59`
  if (second > 60) return `second ${m[6]} is not in 00..60`
  return undefined
}

/** Drops trailing zeros of the fraction, and the fraction itself when it is all zeros. */
export function canonicalTimestamp(text: string): string {
  const dot = text.indexOf('.')
  if (dot < 0) return text
  const fraction = text.slice(dot + 1, -1).replace(/0+$/, '')
  return fraction === '' ? `${text.slice(0, dot)}Z` : `${text.slice(0, dot)}.${fraction}Z`
}

/** Orders two valid timestamps (canonical or not): negative, zero or positive. */
export function compareTimestamps(a: string, b: string): number {
  const head = (t: string): string => t.slice(0, 19)
  const frac = (t: string): string => (t.length > 20 ? t.slice(20, -1) : '')
  if (head(a) !== head(b)) return head(a) < head(b) ? -1 : 1
  const fa = frac(a)
  const fb = frac(b)
  const width = Math.max(fa.length, fb.length)
  const pa = fa.padEnd(width, '0')
  const pb = fb.padEnd(width, '0')
  return pa === pb ? 0 : pa < pb ? -1 : 1
}

/** HexLiteral: an even number of hex digits, possibly none. */
export function hexProblem(text: string): string | undefined {
  const bad = /[^0-9A-Fa-f]/.exec(text)
  if (bad !== null) return `'${bad[0]}' is not a hex digit`
  if (text.length % 2 !== 0) return `odd number of hex digits (${text.length})`
  return undefined
}

const BASE64_CHAR = /^[A-Za-z0-9+/]$/

/**
 * BinaryLiteral: at least one 4-character group of `[A-Za-z0-9+/]`, the last group may
 * end in `=` or `==`.
 */
export function base64Problem(text: string): string | undefined {
  if (text.length === 0) return 'base64 value is empty'
  if (text.length % 4 !== 0) return `base64 length ${text.length} is not a multiple of 4`
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0
  const body = text.slice(0, text.length - padding)
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=') return "'=' padding may only be the last one or two characters"
    if (!BASE64_CHAR.test(body[i] as string)) {
      return `'${body[i] as string}' at position ${i + 1} is not a base64 character`
    }
  }
  return undefined
}

/** Canonical decimal text of an IntPosLiteral / IntNegLiteral (already lexically valid). */
export function canonicalInt(text: string): string {
  const unsigned = text.replace(/^[+-]/, '')
  return text.startsWith('-') && unsigned !== '0' ? `-${unsigned}` : unsigned
}

/** Canonical decimal text of a FloatPosLiteral / FloatNegLiteral (already lexically valid). */
export function canonicalFloat(text: string): string {
  const negative = text.startsWith('-')
  const unsigned = text.replace(/^[+-]/, '')
  const dot = unsigned.indexOf('.')
  const whole = unsigned.slice(0, dot).replace(/^0+/, '') || '0'
  const fraction = unsigned.slice(dot + 1).replace(/0+$/, '') || '0'
  const isZero = whole === '0' && fraction === '0'
  return `${negative && !isZero ? '-' : ''}${whole}.${fraction}`
}

/** True when a canonical int or float text denotes a number greater than zero. */
export function isPositiveDecimal(canonical: string): boolean {
  return !canonical.startsWith('-') && /[1-9]/.test(canonical)
}

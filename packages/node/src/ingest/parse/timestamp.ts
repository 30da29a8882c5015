/**
 * Timestamps found in inputs, turned into the RFC 3339 UTC form STIX uses (STIX 2.1
 * §3.2: "timestamp … MUST be in UTC, indicated by 'Z'"), at millisecond precision.
 *
 * CSV and MISP files carry looser dates than STIX allows, so this grammar is wider than
 * @certmesh/protocol's readStixTimestamp; the calendar rules and the epoch arithmetic are
 * the protocol's (daysInMonth, utcEpochMs).
 */
import { daysInMonth, utcEpochMs } from '@certmesh/protocol'

// RFC 3339 §5.6 date-time, also with a space for 'T', without seconds, or date only
// (then midnight UTC). A missing offset means UTC.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/

/** A date/time string → 'YYYY-MM-DDTHH:mm:ss.sssZ', or undefined when it is not one. */
export function parseTimestamp(raw: string): string | undefined {
  const m = RFC3339.exec(raw.trim())
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', , sign, oh = '0', om = '0'] = m
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  const hour = Number(h)
  const minute = Number(mi)
  const second = Number(s)
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined
  if (Number(oh) > 23 || Number(om) > 59) return undefined
  if (day > daysInMonth(year, month)) return undefined
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'))
  const offset = sign === undefined ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om))
  const date = new Date(utcEpochMs(year, month, day, hour, minute, second, ms) - offset * 60_000)
  // An offset can carry year 0001 or 9999 out of the range STIX timestamps can be written in.
  const outYear = date.getUTCFullYear()
  if (Number.isNaN(date.getTime()) || outYear < 1 || outYear > 9999) return undefined
  return date.toISOString()
}

/** MISP's epoch-seconds strings ("1520624226") → RFC 3339; "0", "" or junk → undefined. */
export function epochToTimestamp(raw: unknown): string | undefined {
  const s = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (!/^\d{1,12}$/.test(s) || Number(s) === 0) return undefined
  return new Date(Number(s) * 1000).toISOString()
}

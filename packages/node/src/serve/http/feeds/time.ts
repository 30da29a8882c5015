import { BadRequestError } from '../../../errors.js'

// RFC 3339 §5.6 date-time. In a query string '+' decodes to a space, so an offset
// written '+02:00' arrives as ' 02:00' and is read back as '+'.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?([Zz]|[+\- ]\d{2}:\d{2})$/

/** RFC 3339 date-time (STIX timestamps are the `Z` subset) to microseconds since the epoch. */
export function parseDateTime(text: string, name: string): number {
  const m = DATE_TIME.exec(text)
  const fail = (why: string): never => {
    throw new BadRequestError(`${name}: ${why}, got '${text.slice(0, 40)}'`)
  }
  if (!m) return fail('must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z')
  const [, y, mo, d, h, mi, s, frac = '', zone = 'Z'] = m as unknown as string[]
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number]
  const probe = new Date(Date.UTC(year, month - 1, day))
  if (month < 1 || month > 12 || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day || hour > 23 || minute > 59 || second > 60)
    return fail('is not a valid calendar date and time')
  let offsetMin = 0
  if (zone !== 'Z' && zone !== 'z') {
    const sign = zone[0] === '-' ? -1 : 1
    const [oh, om] = zone.slice(1).split(':').map(Number) as [number, number]
    if (oh > 23 || om > 59) return fail('has an invalid UTC offset')
    offsetMin = sign * (oh * 60 + om)
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59)) - offsetMin * 60_000
  return ms * 1000 + Number(frac.padEnd(6, '0').slice(0, 6))
}

/** Microseconds since the epoch as a STIX timestamp with microsecond precision. */
export function formatMicros(us: number): string {
  const ms = Math.floor(us / 1000)
  return new Date(ms).toISOString().replace('Z', `${String(us - ms * 1000).padStart(3, '0')}Z`)
}

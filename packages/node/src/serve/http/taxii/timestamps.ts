/**
 * TAXII 2.1 §3.2 timestamps. `date_added` and the X-TAXII-Date-Added-* headers carry the
 * store's microseconds exactly, so a client that sends X-TAXII-Date-Added-Last back as
 * `added_after` resumes after precisely the last object it received.
 */
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,12}))?Z$/

/** Epoch microseconds → `YYYY-MM-DDTHH:MM:SS.ffffffZ`. */
export function formatMicros(us: number): string {
  const ms = Math.floor(us / 1000)
  const frac = us - ms * 1000
  const iso = new Date(ms).toISOString() // ....SS.mmmZ
  return `${iso.slice(0, 23)}${String(frac).padStart(3, '0')}Z`
}

/**
 * A STIX/TAXII timestamp → epoch microseconds, digits past the microsecond truncated
 * (so `date_added > result` keeps exactly the instants after the text). Undefined when
 * the text is not a valid UTC timestamp.
 */
export function parseMicros(text: string): number | undefined {
  const m = TIMESTAMP.exec(text)
  if (!m) return undefined
  const [, y, mo, d, h, mi, s, frac = ''] = m as unknown as [string, string, string, string, string, string, string, string?]
  const [year, month, day] = [Number(y), Number(mo), Number(d)]
  if (month < 1 || month > 12 || day < 1 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60) return undefined
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return undefined
  // Nothing is added before the epoch, so an earlier instant means "from the beginning".
  if (year < 1970) return 0
  const ms = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s))
  return ms * 1000 + Number(frac.slice(0, 6).padEnd(6, '0'))
}

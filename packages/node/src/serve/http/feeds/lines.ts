import type { FeedName } from './kinds.js'

/** One line of a feed: a value to add (every line of a full feed) or to remove (incremental only). */
export interface FeedLine {
  readonly action: 'add' | 'remove'
  readonly value: string
  readonly indicatorId: string
  readonly confidence: number | null
  readonly tlp: string | null
  /** Epoch milliseconds. */
  readonly validUntil: number | null
  readonly createdByRef: string | null
}

export const CSV_COLUMNS = ['action', 'value', 'type', 'indicator_id', 'confidence', 'tlp', 'valid_until', 'created_by_ref'] as const

/** RFC 4180 §2: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\r\n'
}

/** CSV rows end in CRLF (RFC 4180 §2.1); a removal carries only what identifies it. */
export function csvLine(l: FeedLine, feed: FeedName): string {
  const removal = l.action === 'remove'
  const fields = [
    l.action,
    l.value,
    feed,
    l.indicatorId,
    removal || l.confidence === null ? '' : String(l.confidence),
    removal || l.tlp === null ? '' : l.tlp,
    removal || l.validUntil === null ? '' : new Date(l.validUntil).toISOString(),
    removal || l.createdByRef === null ? '' : l.createdByRef,
  ]
  return fields.map(csvField).join(',') + '\r\n'
}

/**
 * Plain text, one value per line: the format of firewall external lists (e.g. PAN-OS
 * EDL, FortiGate threat feeds, DNS RPZ tooling). Incremental answers prefix '+' or '-'.
 * Normalised values never contain a line break, so no escaping is needed.
 */
export function textLine(l: FeedLine, incremental: boolean): string {
  if (!incremental) return l.value + '\n'
  return (l.action === 'add' ? '+' : '-') + l.value + '\n'
}

import type { StoreReader } from '../store/index.js'
import { keepsObservable, type CheckedExport } from './export-options.js'

/**
 * The CSV feed: one row per observable of each active indicator, in the columns the CSV
 * importer reads (ingest/parse/csv.ts), so export → import round-trips. RFC 4180: CRLF
 * line ends (§2.1), a header row (§2.3), fields with a comma, quote, CR or LF quoted and
 * inner quotes doubled (§2.5–2.7). Labels are joined with ';', which the importer splits.
 */
export const CSV_EXPORT_HEADER = ['value', 'type', 'tlp', 'confidence', 'valid_until', 'labels', 'description'] as const

const NEEDS_QUOTES = /[",\r\n]/

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const HASH_TYPE_NAMES: Readonly<Record<string, string>> = {
  'hashes.MD5': 'md5',
  'hashes.SHA-1': 'sha1',
  'hashes.SHA-256': 'sha256',
  'hashes.SHA-512': 'sha512',
}

/**
 * The `type` cell: the short name for the four hashes a type name can resolve on import,
 * the lower-cased algorithm for other hashes (`sha3-256`, `ssdeep`: an importer must not
 * guess them from the length), else the STIX observable type.
 */
export function csvTypeName(type: string, property: string): string {
  if (type === 'file' && property.startsWith('hashes.')) return HASH_TYPE_NAMES[property] ?? property.slice(7).toLowerCase()
  return type
}

export function* csvChunks(store: StoreReader, o: CheckedExport): Generator<string, void, undefined> {
  yield `${CSV_EXPORT_HEADER.join(',')}\r\n`
  const q = {
    now: o.now,
    ...(o.filter.storeType !== undefined ? { type: o.filter.storeType } : {}),
    ...(o.minConfidence !== undefined ? { minConfidence: o.minConfidence } : {}),
  }
  for (const a of store.activeIndicators(q)) {
    const rows = a.observables.filter((ob) => keepsObservable(o.filter, ob.type, ob.property))
    if (rows.length === 0) continue
    const extra = csvExtras(a.object.json)
    const tail = [a.object.tlp ?? '', a.object.confidence === null ? '' : String(a.object.confidence), extra.validUntil, extra.labels, extra.description]
      .map(csvField)
      .join(',')
    let out = ''
    for (const ob of rows) out += `${csvField(ob.value)},${csvField(csvTypeName(ob.type, ob.property))},${tail}\r\n`
    yield out
  }
}

function csvExtras(json: string): { validUntil: string; labels: string; description: string } {
  let o: Record<string, unknown> = {}
  try {
    o = JSON.parse(json) as Record<string, unknown>
  } catch {
    // The store holds validated JSON; an unreadable body just exports without extras.
  }
  const labels = Array.isArray(o.labels) ? o.labels.filter((l): l is string => typeof l === 'string') : []
  return {
    validUntil: typeof o.valid_until === 'string' ? o.valid_until : '',
    labels: labels.join(';'),
    description: typeof o.description === 'string' ? o.description : '',
  }
}

import type { StoreReader } from '../store/index.js'
import { activeFeed } from './active-feed.js'
import type { CheckedExport } from './export-options.js'

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
  for (const a of activeFeed(store, o)) {
    const v = a.version
    const labels = Array.isArray(a.object.labels) ? a.object.labels.filter((l): l is string => typeof l === 'string') : []
    const tail = [
      v.tlp ?? '',
      v.confidence === null ? '' : String(v.confidence),
      typeof a.object.valid_until === 'string' ? a.object.valid_until : '',
      labels.join(';'),
      typeof a.object.description === 'string' ? a.object.description : '',
    ]
      .map(csvField)
      .join(',')
    let out = ''
    for (const ob of a.observables) out += `${csvField(ob.value)},${csvField(csvTypeName(ob.type, ob.property))},${tail}\r\n`
    yield out
  }
}

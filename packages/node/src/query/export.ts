import type { StoreReader } from '../store/index.js'
import { csvChunks } from './export-csv.js'
import { checkExportOptions, CONTENT_TYPES, type ExportOptions } from './export-options.js'
import { stixChunks } from './export-stix.js'
import { txtChunks } from './export-txt.js'

/** Chunks handed to the HTTP layer are at least this long (fewer, larger writes). */
const CHUNK_CHARS = 64 * 1024

export interface ExportStream {
  readonly contentType: string
  readonly chunks: Iterable<string>
}

/**
 * GET /api/v1/export as a stream. Options are checked here, before anything is read, so
 * a bad request fails before a response has begun; the chunks are produced lazily from
 * the store's streaming queries, so memory stays flat whatever the store's size (the txt
 * dedup set and the bundle's reference set aside).
 */
export function exportChunks(store: StoreReader, opts: ExportOptions): ExportStream {
  const o = checkExportOptions(opts)
  const parts = o.format === 'stix' ? stixChunks(store, o) : o.format === 'csv' ? csvChunks(store, o) : txtChunks(store, o)
  return { contentType: CONTENT_TYPES[o.format], chunks: coalesce(parts) }
}

/** The whole export as one string, for small stores and tests. */
export function exportObjects(store: StoreReader, opts: ExportOptions): { contentType: string; body: string } {
  const s = exportChunks(store, opts)
  let body = ''
  for (const c of s.chunks) body += c
  return { contentType: s.contentType, body }
}

function* coalesce(parts: Iterable<string>): Generator<string, void, undefined> {
  let buf = ''
  for (const p of parts) {
    buf += p
    if (buf.length >= CHUNK_CHARS) {
      yield buf
      buf = ''
    }
  }
  if (buf !== '') yield buf
}

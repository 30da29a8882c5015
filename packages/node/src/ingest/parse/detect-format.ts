/**
 * Which parser a file needs, from its name and its first bytes, and the one entry point
 * that runs it. JSON is recognised by content (a leading '{' or '['), except in files
 * whose extension says text list; CSV by a header with a 'value' column; the rest is a
 * plain list. STIX goes back to the caller parsed but unconverted: the STIX path is
 * separate.
 */
import type { InputFormat, ParseResult } from './candidate.js'
import { csvRows, findHeaderLine, isCsvHeader } from './csv.js'
import { FormatError } from './errors.js'
import { assertInputSize, stripBom } from './input-size.js'
import { parseJsonStrict } from './json-position.js'
import { mispFromJson } from './misp.js'
import { collectRows, type RowStream } from './rows.js'
import { textListRows } from './text.js'

/** Extensions of plain lists: never read as JSON even if a line starts with '['. */
const LIST_EXTENSIONS = new Set(['txt', 'list', 'md5', 'sha1', 'sha256', 'sha512', 'ioc', 'iocs'])

export interface ParseFileResult extends ParseResult {
  /** The parsed JSON of a STIX file, for the STIX path; only when format is 'stix'. */
  stix?: unknown
}

function extension(fileName: string): string {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** A STIX object has string `type` and `id` (STIX 2.1 §3.1, §2.9). */
function isStixObject(v: unknown): boolean {
  return isObject(v) && typeof v.type === 'string' && typeof v.id === 'string'
}

/** 'stix' or 'misp' for parsed JSON, or FormatError for any other JSON. */
export function classifyJson(json: unknown, fileName: string): 'stix' | 'misp' {
  if (isObject(json) && json.type === 'bundle') return 'stix'
  if (isObject(json) && ('Event' in json || 'response' in json)) return 'misp'
  if (isStixObject(json)) return 'stix'
  if (Array.isArray(json) && json.length > 0 && json.every(isStixObject)) return 'stix'
  throw new FormatError(
    `${fileName}: JSON that is neither STIX (a bundle, an object or array of objects with "type" and "id") nor MISP ({"Event":…} or {"response":[{"Event":…}]})`,
  )
}

interface Sniffed {
  format: InputFormat
  json?: unknown
}

function sniff(fileName: string, text: string): Sniffed {
  assertInputSize(text, fileName)
  const ext = extension(fileName)
  const body = stripBom(text)
  const first = body.trimStart()[0]
  if (ext === 'json' || (!LIST_EXTENSIONS.has(ext) && ext !== 'csv' && (first === '{' || first === '['))) {
    const json = parseJsonStrict(text, fileName)
    return { format: classifyJson(json, fileName), json }
  }
  if (ext === 'csv') return { format: 'csv' }
  const header = findHeaderLine(body)
  if (header !== undefined && isCsvHeader(header.text)) return { format: 'csv' }
  return { format: 'txt' }
}

/** The input format of a file: 'stix', 'misp', 'csv' or 'txt'; FormatError for unusable JSON. */
export function detectFormat(fileName: string, text: string): InputFormat {
  return sniff(fileName, text).format
}

/** Parse a file as `format`, or as the format detectFormat finds when 'auto'. */
export function parseFile(fileName: string, text: string, format: InputFormat | 'auto' = 'auto'): ParseFileResult {
  const opened = openFile(fileName, text, format)
  return 'rows' in opened ? collectRows(opened) : opened
}

/**
 * Like parseFile, but a text list or CSV comes back as a RowStream to read row by row
 * (rows.ts); MISP and STIX JSON are parsed whole. FormatErrors are thrown here.
 */
export function openFile(fileName: string, text: string, format: InputFormat | 'auto' = 'auto'): ParseFileResult | RowStream {
  const sniffed: Sniffed = format === 'auto' ? sniff(fileName, text) : { format }
  switch (sniffed.format) {
    case 'misp':
      return mispFromJson(sniffed.json ?? parseJsonStrict(text, fileName))
    case 'stix':
      return { format: 'stix', candidates: [], problems: [], skipped: {}, stix: sniffed.json ?? parseJsonStrict(text, fileName) }
    case 'csv':
      return csvRows(text)
    case 'txt':
      return textListRows(text)
  }
}

/**
 * CSV indicator lists (RFC 4180, with a header row). Columns, matched case-insensitively
 * with '-' or ' ' read as '_': value (required), type, tlp, confidence, valid_from,
 * valid_until, labels (split at ';' or '|'), description, name. Other columns are
 * ignored with a note. A bad row becomes a ParseProblem with its line; the other rows
 * still count. The type is not resolved here: `type` goes to `typeHint` for the pipeline.
 */
import { type IndicatorCandidate, type ParseProblem, type ParseResult } from './candidate.js'
import { type CsvRecord, detectDelimiter, readCsvRecords } from './csv-records.js'
import { FormatError } from './errors.js'
import { assertInputSize, stripBom } from './input-size.js'
import { MAX_LINE_CHARS, MAX_ROWS } from './limits.js'
import { collectRows, lineCount, type RowStream } from './rows.js'
import { assertTextual } from './text-guard.js'
import { parseTimestamp } from './timestamp.js'
import { normalizeTlp } from './tlp.js'

export const CSV_COLUMNS = ['value', 'type', 'tlp', 'confidence', 'valid_from', 'valid_until', 'labels', 'description', 'name'] as const
type Column = (typeof CSV_COLUMNS)[number]

/** Header cell → column name: trimmed, lower-case, runs of '-' or space as '_'. */
export function normalizeHeaderName(cell: string): string {
  return cell.trim().toLowerCase().replace(/[\s-]+/g, '_')
}

/**
 * Index and line number of the header: the first line that is neither blank nor a
 * '#' comment (feeds often open with a commented preamble).
 */
export function findHeaderLine(text: string): { start: number; line: number; text: string } | undefined {
  let start = 0
  let line = 1
  while (start < text.length) {
    const nl = text.indexOf('\n', start)
    const end = nl === -1 ? text.length : nl
    const content = text.slice(start, end).replace(/\r$/, '')
    const trimmed = content.trim()
    if (trimmed !== '' && !trimmed.startsWith('#')) return { start, line, text: content }
    if (nl === -1) break
    start = nl + 1
    line++
  }
  return undefined
}

/** True when `headerLine` reads as a CSV header with a 'value' column. */
export function isCsvHeader(headerLine: string): boolean {
  const cells = headerLine.split(detectDelimiter(headerLine)).map((c) => normalizeHeaderName(c.replace(/^\s*"|"\s*$/g, '')))
  return cells.includes('value')
}

export function parseCsv(text: string): ParseResult {
  return collectRows(csvRows(text))
}

/**
 * The file as a stream of candidates and row problems in line order. Every FormatError
 * (header, a quote never closed, too many rows) is thrown here, before the first row is
 * read: a file with quotes, or with more lines than rows allowed, is read once up front.
 */
export function csvRows(text: string): RowStream {
  assertInputSize(text, 'CSV')
  const body = stripBom(text)
  assertTextual(body, 'CSV')
  const header = findHeaderLine(body)
  if (header === undefined) throw new FormatError('CSV: no header row (expected a first line like "value,type,tlp")')
  const delimiter = detectDelimiter(header.text)
  const records = readCsvRecords(body, delimiter, header.start, header.line)
  const first = records.next()
  if (first.done === true) throw new FormatError('CSV: no header row')
  const headRecord = first.value
  if (headRecord.error) throw new FormatError(`CSV header, line ${headRecord.line}: ${headRecord.error.message}`, headRecord.line, headRecord.error.column)
  const problems: ParseProblem[] = []
  const index = headerIndex(headRecord, problems)
  const lines = lineCount(body)
  if (lines > MAX_ROWS || body.includes('"')) {
    const check = readCsvRecords(body, delimiter, header.start, header.line)
    check.next()
    for (const _ of dataRows(check));
  }
  return { format: 'csv', header: problems, lines, rows: csvCandidates(records, headRecord, index) }
}

/** Data records, blank ones left out; FormatError past MAX_ROWS. */
function* dataRows(records: Iterator<CsvRecord>): Generator<CsvRecord> {
  let rows = 0
  for (let r = records.next(); r.done !== true; r = records.next()) {
    const record = r.value
    if (record.fields.length === 1 && record.fields[0]?.trim() === '') continue // white space only
    if (++rows > MAX_ROWS) throw new FormatError(`CSV: more than ${MAX_ROWS} rows; split the file`, record.line)
    yield record
  }
}

function* csvCandidates(records: Iterator<CsvRecord>, head: CsvRecord, index: Map<Column, number>): Generator<IndicatorCandidate | ParseProblem> {
  for (const record of dataRows(records)) {
    const found: ParseProblem[] = []
    const problem = (message: string, column?: number): void => {
      const p: ParseProblem = { line: record.line, message: `CSV line ${record.line}: ${message}`, severity: 'error' }
      if (column !== undefined) p.column = column
      found.push(p)
    }
    let candidate: IndicatorCandidate | undefined
    if (record.length > MAX_LINE_CHARS) problem(`row is ${record.length} characters, over the limit of ${MAX_LINE_CHARS}`)
    else if (record.error) problem(record.error.message, record.error.column)
    else if (record.fields.length !== head.fields.length) {
      problem(`row has ${record.fields.length} fields, the header has ${head.fields.length}`)
    } else candidate = rowCandidate(record, index, problem)
    if (candidate) yield candidate
    yield* found
  }
}

function headerIndex(head: CsvRecord, problems: ParseProblem[]): Map<Column, number> {
  const index = new Map<Column, number>()
  const names = head.fields.map(normalizeHeaderName)
  names.forEach((name, k) => {
    const column = head.column(k)
    if ((CSV_COLUMNS as readonly string[]).includes(name)) {
      if (index.has(name as Column)) {
        throw new FormatError(`CSV header, line ${head.line}: column '${name}' appears twice`, head.line, column)
      }
      index.set(name as Column, k)
    } else {
      problems.push({ line: head.line, column, message: `CSV header: ignored unknown column '${head.fields[k] ?? ''}'`, severity: 'skipped' })
    }
  })
  if (!index.has('value')) {
    throw new FormatError(
      `CSV header, line ${head.line}: no 'value' column (found: ${names.join(', ')}); known columns: ${CSV_COLUMNS.join(', ')}`,
      head.line,
      1,
    )
  }
  return index
}

/** One data row → a candidate, or undefined after reporting what is wrong with it. */
function rowCandidate(
  record: CsvRecord,
  index: Map<Column, number>,
  problem: (message: string, column?: number) => void,
): IndicatorCandidate | undefined {
  const cell = (c: Column): { text: string; column: number } | undefined => {
    const k = index.get(c)
    if (k === undefined) return undefined
    const text = record.fields[k]?.trim() ?? ''
    return text === '' ? undefined : { text, column: record.column(k) }
  }
  const value = cell('value')
  if (value === undefined) {
    problem('empty value', record.column(index.get('value') ?? 0))
    return undefined
  }
  const candidate: IndicatorCandidate = {
    kind: 'indicator',
    stixType: '',
    property: '',
    value: value.text,
    typeHint: cell('type')?.text ?? '',
    source: { line: record.line, column: value.column },
  }
  let ok = true
  const bad = (message: string, column: number): void => {
    problem(message, column)
    ok = false
  }
  const tlp = cell('tlp')
  if (tlp) {
    const name = normalizeTlp(tlp.text)
    if (name) candidate.tlp = name
    else bad(`unknown TLP '${tlp.text}' (expected clear, green, amber, amber+strict or red)`, tlp.column)
  }
  const confidence = cell('confidence')
  if (confidence) {
    // STIX 2.1 §3.2: confidence is an integer 0–100.
    if (/^\d{1,3}$/.test(confidence.text) && Number(confidence.text) <= 100) candidate.confidence = Number(confidence.text)
    else bad(`confidence '${confidence.text}' is not an integer from 0 to 100`, confidence.column)
  }
  for (const [column, key] of [
    ['valid_from', 'validFrom'],
    ['valid_until', 'validUntil'],
  ] as const) {
    const c = cell(column)
    if (!c) continue
    const ts = parseTimestamp(c.text)
    if (ts) candidate[key] = ts
    else bad(`${column} '${c.text}' is not a date or RFC 3339 timestamp (e.g. 2025-01-31 or 2025-01-31T12:00:00Z)`, c.column)
  }
  const labels = cell('labels')
  if (labels) {
    const list = labels.text.split(/[;|]/).map((l) => l.trim()).filter((l) => l !== '')
    if (list.length > 0) candidate.labels = list
  }
  const description = cell('description')
  if (description) candidate.description = description.text
  const name = cell('name')
  if (name) candidate.name = name.text
  return ok ? candidate : undefined
}

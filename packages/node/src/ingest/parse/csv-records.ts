/**
 * RFC 4180 record reader: fields separated by a delimiter, records by CRLF or LF,
 * fields optionally in double quotes with "" for a literal quote, and quoted fields may
 * span lines (§2.6). A malformed record (a quote inside an unquoted field, text after a
 * closing quote) is returned with an error and reading goes on at the next line; an
 * unterminated quote swallows the rest of the file, so it is a FormatError.
 */
import { FormatError } from './errors.js'
import { columnOf } from './text-position.js'

export interface CsvRecord {
  fields: string[]
  /** 1-based line where the record starts. */
  line: number
  /** 1-based column (in characters) of field `k`'s first character, computed on demand. */
  column(k: number): number
  /** Length of the record in characters, line ending excluded. */
  length: number
  error?: { column: number; message: string }
}

/** The delimiter of a header line: the most frequent of ',', ';' and TAB outside quotes. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1)
  }
  let best = ','
  for (const [d, n] of counts) if (n > (counts.get(best) ?? 0)) best = d
  return best
}

/**
 * Reads records from `text` starting at index `start` (line `startLine`). Blank lines
 * are skipped; the line numbers of the records that follow stay right.
 */
export function* readCsvRecords(text: string, delimiter: string, start = 0, startLine = 1): Generator<CsvRecord> {
  const n = text.length
  let i = start
  let line = startLine
  let lineStart = start
  const newlinesIn = (from: number, to: number): void => {
    for (let k = text.indexOf('\n', from); k !== -1 && k < to; k = text.indexOf('\n', k + 1)) {
      line++
      lineStart = k + 1
    }
  }
  while (i < n) {
    const recordStart = i
    const recordLine = line
    const fields: string[] = []
    // [index, start of its line] per field; columns are only counted when a message needs one.
    const starts: [number, number][] = []
    let error: CsvRecord['error']
    for (;;) {
      starts.push([i, lineStart])
      let field = ''
      if (text[i] === '"') {
        const openLine = line
        const openLineStart = lineStart
        const open = i
        i++
        for (;;) {
          const q = text.indexOf('"', i)
          if (q === -1) {
            const openColumn = columnOf(text, openLineStart, open)
            throw new FormatError(`CSV: quoted field opened at line ${openLine}, column ${openColumn} is never closed`, openLine, openColumn)
          }
          field += text.slice(i, q)
          newlinesIn(i, q)
          i = q + 1
          if (text[i] !== '"') break
          field += '"'
          i++
        }
        if (i < n && text[i] !== delimiter && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          error = { column: columnOf(text, lineStart, i), message: `unexpected '${text[i]}' after a closing quote` }
        }
      } else {
        let j = i
        while (j < n && text[j] !== delimiter && text[j] !== '\n') j++
        field = text.slice(i, j)
        if (field.endsWith('\r') && text[j] === '\n') field = field.slice(0, -1)
        const quote = field.indexOf('"')
        if (quote !== -1) {
          error = { column: columnOf(text, lineStart, i + quote), message: 'a double quote inside an unquoted field (RFC 4180 §2.5: quote the whole field)' }
        }
        i = j
      }
      fields.push(field)
      if (error) {
        const nl = text.indexOf('\n', i)
        i = nl === -1 ? n : nl
      }
      if (i < n && text[i] === delimiter) {
        i++
        continue
      }
      break
    }
    // Here i is at '\r\n', '\n' or the end.
    let end = i
    if (text[end - 1] === '\r' && text[i] === '\n') end--
    if (text[i] === '\r') i++
    if (text[i] === '\n') {
      i++
      line++
      lineStart = i
    }
    const length = end - recordStart
    if (length === 0) continue // blank line
    const column = (k: number): number => {
      const at = starts[k]
      return at === undefined ? 1 : columnOf(text, at[1], at[0])
    }
    const record: CsvRecord = { fields, line: recordLine, column, length }
    if (error) record.error = error
    yield record
  }
}

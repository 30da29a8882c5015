/**
 * Plain indicator lists: one value per line, the format of most published hash, IP and
 * domain lists. Line endings LF, CRLF or CR. Skipped: blank lines, lines starting with
 * '#' or '//', and an inline comment that starts with white space then '#'
 * ("1.2.3.4  # C2"). A '#' with no space before it stays (URL fragments); '//' is only a
 * comment at the start of a line (URLs contain it). The type is resolved later: every
 * candidate has typeHint '' (auto-detect).
 */
import type { IndicatorCandidate, ParseProblem, ParseResult } from './candidate.js'
import { FormatError } from './errors.js'
import { assertInputSize, stripBom } from './input-size.js'
import { MAX_LINE_CHARS, MAX_ROWS } from './limits.js'
import { collectRows, lineCount, type RowStream } from './rows.js'
import { assertTextual } from './text-guard.js'
import { columnOf } from './text-position.js'

const INLINE_COMMENT = /\s#/

export function parseTextList(text: string): ParseResult {
  return collectRows(textListRows(text))
}

/**
 * The list as a stream of candidates and problems in line order. Every FormatError is
 * thrown here, before the first row is read: the whole file is checked up front.
 */
export function textListRows(text: string): RowStream {
  assertInputSize(text, 'text list')
  const body = stripBom(text)
  assertTextual(body, 'text list')
  const lines = lineCount(body)
  // Reading every line twice only when the file could hold more values than allowed.
  if (lines > MAX_ROWS) for (const _ of readTextList(body));
  return { format: 'txt', header: [], lines, rows: readTextList(body) }
}

function* readTextList(body: string): Generator<IndicatorCandidate | ParseProblem> {
  const n = body.length
  let values = 0
  let line = 0
  for (let start = 0; start <= n; ) {
    let end = start
    while (end < n) {
      const c = body.charCodeAt(end)
      if (c === 10 || c === 13) break
      end++
    }
    line++
    const next = body.charCodeAt(end) === 13 && body.charCodeAt(end + 1) === 10 ? end + 2 : end + 1
    if (end - start > MAX_LINE_CHARS) {
      yield { line, message: `text list line ${line}: ${end - start} characters, over the limit of ${MAX_LINE_CHARS}`, severity: 'error' }
      start = next
      continue
    }
    const raw = body.slice(start, end)
    start = next
    const comment = INLINE_COMMENT.exec(raw)
    const content = comment ? raw.slice(0, comment.index) : raw
    const value = content.trim()
    if (value === '' || value.startsWith('#') || value.startsWith('//')) continue
    if (++values > MAX_ROWS) throw new FormatError(`text list: more than ${MAX_ROWS} values; split the file`, line)
    const column = columnOf(raw, 0, raw.length - raw.trimStart().length)
    yield { kind: 'indicator', stixType: '', property: '', value, typeHint: '', source: { line, column } }
  }
}

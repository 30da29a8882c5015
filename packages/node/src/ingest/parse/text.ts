/**
 * Plain indicator lists: one value per line, the format of most published hash, IP and
 * domain lists. Line endings LF, CRLF or CR. Skipped: blank lines, lines starting with
 * '#' or '//', and an inline comment that starts with white space then '#'
 * ("1.2.3.4  # C2"). A '#' with no space before it stays (URL fragments); '//' is only a
 * comment at the start of a line (URLs contain it). The type is resolved later: every
 * candidate has typeHint '' (auto-detect).
 */
import type { ParseResult } from './candidate.js'
import { FormatError } from './errors.js'
import { assertInputSize, stripBom } from './input-size.js'
import { MAX_LINE_CHARS, MAX_ROWS } from './limits.js'
import { assertTextual } from './text-guard.js'
import { columnOf } from './text-position.js'

const INLINE_COMMENT = /\s#/

export function parseTextList(text: string): ParseResult {
  assertInputSize(text, 'text list')
  const body = stripBom(text)
  assertTextual(body, 'text list')
  const result: ParseResult = { format: 'txt', candidates: [], problems: [], skipped: {} }
  const lines = body.split(/\r\n|\n|\r/)
  let values = 0
  lines.forEach((raw, k) => {
    const line = k + 1
    if (raw.length > MAX_LINE_CHARS) {
      result.problems.push({
        line,
        message: `text list line ${line}: ${raw.length} characters, over the limit of ${MAX_LINE_CHARS}`,
        severity: 'error',
      })
      return
    }
    const comment = INLINE_COMMENT.exec(raw)
    const content = comment ? raw.slice(0, comment.index) : raw
    const value = content.trim()
    if (value === '' || value.startsWith('#') || value.startsWith('//')) return
    if (++values > MAX_ROWS) throw new FormatError(`text list: more than ${MAX_ROWS} values; split the file`, line)
    const column = columnOf(raw, 0, raw.length - raw.trimStart().length)
    result.candidates.push({ kind: 'indicator', stixType: '', property: '', value, typeHint: '', source: { line, column } })
  })
  return result
}

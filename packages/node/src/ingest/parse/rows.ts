/**
 * Line-based inputs (text lists, CSV) as a stream: candidates and problems one at a time,
 * in line order, so an import holds one batch of them rather than the whole file
 * (bench/ingest: 100,000 lines). The parsers check the whole file before they return a
 * stream, so a FormatError never surfaces after rows have been stored (DESIGN.md
 * invariant 7).
 */
import type { IndicatorCandidate, ParseProblem, ParseResult } from './candidate.js'

export interface RowStream {
  format: 'csv' | 'txt'
  /** Problems of the header (CSV unknown columns), before any row. */
  header: ParseProblem[]
  /** Lines in the input (lineCount), for progress. */
  lines: number
  /** Candidates and row problems in line order; read once. */
  rows: Iterable<IndicatorCandidate | ParseProblem>
}

export function isProblem(row: IndicatorCandidate | ParseProblem): row is ParseProblem {
  return (row as Partial<IndicatorCandidate>).kind !== 'indicator'
}

/** Lines of `text`: LF, CR and CRLF end one; a line break at the very end starts none. */
export function lineCount(text: string): number {
  let n = 0
  let i = 0
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 13) {
      n++
      if (text.charCodeAt(i + 1) === 10) i++
    } else if (c === 10) n++
  }
  const last = text.charCodeAt(text.length - 1)
  return last === 10 || last === 13 ? n : n + 1
}

/** The whole stream as a ParseResult (problems after candidates, as the parsers always gave them). */
export function collectRows(stream: RowStream): ParseResult {
  const result: ParseResult = { format: stream.format, candidates: [], problems: [...stream.header], skipped: {} }
  for (const row of stream.rows) {
    if (isProblem(row)) result.problems.push(row)
    else result.candidates.push(row)
  }
  return result
}

/**
 * The one error type of the pattern parser. It always points into the source: `offset`
 * is a 0-based UTF-16 index, `line`/`column` are 1-based, and the message starts with
 * `pattern: at column N:` (or `at line L, column N:` for a multi-line pattern).
 */

/** What kind of rule the pattern broke. */
export type PatternErrorCode =
  /** The STIXPattern grammar (tokens and structure). */
  | 'syntax'
  /** A rule of STIX 2.1 section 9 beyond the grammar (qualifiers, hash values). */
  | 'semantic'
  /** A certmesh limit (see `limits.ts`). */
  | 'limit'

export interface PatternErrorDetails {
  readonly code?: PatternErrorCode
  readonly expected?: string
  readonly found?: string
}

export class PatternSyntaxError extends Error {
  override readonly name = 'PatternSyntaxError'
  readonly code: PatternErrorCode
  /** 0-based UTF-16 index into the pattern. */
  readonly offset: number
  /** 1-based line. */
  readonly line: number
  /** 1-based column within `line`. */
  readonly column: number
  /** What the parser wanted at `offset`, when one thing or a short list was expected. */
  readonly expected: string | undefined
  /** What it found there, as source text or `end of pattern`. */
  readonly found: string | undefined
  /** The problem without the position prefix. */
  readonly reason: string

  constructor(source: string, offset: number, reason: string, details: PatternErrorDetails = {}) {
    const { line, column } = position(source, offset)
    const where = line === 1 ? `column ${column}` : `line ${line}, column ${column}`
    super(`pattern: at ${where}: ${reason}`)
    this.code = details.code ?? 'syntax'
    this.offset = offset
    this.line = line
    this.column = column
    this.expected = details.expected
    this.found = details.found
    this.reason = reason
  }
}

/** 1-based line and column of a 0-based offset; lines end at `\n`. */
export function position(source: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  const end = Math.min(offset, source.length)
  for (let i = 0; i < end; i++) {
    if (source.charCodeAt(i) === 10) {
      line++
      lineStart = i + 1
    }
  }
  return { line, column: offset - lineStart + 1 }
}

import { FormatError, describeChar } from './errors.js'
import { lineColumn } from './text-position.js'

// C0 controls other than TAB, LF, VT, FF and CR never occur in a text list or CSV; a NUL
// or one of these means a binary file (or UTF-16 read as UTF-8).
const BINARY = /[\x00-\x08\x0e-\x1f]/

/** Throws FormatError at the first binary control character of `text`. */
export function assertTextual(text: string, what: string): void {
  const m = BINARY.exec(text)
  if (!m) return
  const { line, column } = lineColumn(text, m.index)
  throw new FormatError(
    `${what}: binary content (${describeChar(m[0])}) at line ${line}, column ${column}; expected a UTF-8 text file`,
    line,
    column,
  )
}

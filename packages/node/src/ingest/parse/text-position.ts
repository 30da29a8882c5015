/**
 * 1-based line and column of a UTF-16 index. Lines end at '\n' (so CRLF counts once and
 * the '\r' stays at the end of its line, as Python's json module counts); columns count
 * Unicode code points, so an emoji is one column.
 */
export function lineColumn(text: string, index: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < index; nl = text.indexOf('\n', nl + 1)) {
    line++
    lineStart = nl + 1
  }
  const column = columnOf(text, lineStart, index)
  return { line, column }
}

/** 1-based column (in code points) of `index` on the line starting at `lineStart`. */
export function columnOf(text: string, lineStart: number, index: number): number {
  let column = 1
  for (let i = lineStart; i < index; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < index) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) i++
    }
    column++
  }
  return column
}

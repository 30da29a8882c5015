import { describe, expect, it } from 'vitest'
import { columnOf, lineColumn } from './text-position.js'

describe('lineColumn', () => {
  it('counts LF and CRLF line ends once and columns in code points', () => {
    const text = 'ab\r\ncd\n😀x'
    expect(lineColumn(text, 0)).toEqual({ line: 1, column: 1 })
    expect(lineColumn(text, 2)).toEqual({ line: 1, column: 3 }) // the '\r' ends line 1
    expect(lineColumn(text, 5)).toEqual({ line: 2, column: 2 })
    expect(lineColumn(text, 9)).toEqual({ line: 3, column: 2 }) // after the two UTF-16 units of 😀
    expect(lineColumn(text, text.length)).toEqual({ line: 3, column: 3 })
  })

  it('counts from a given line start', () => {
    expect(columnOf('x\n𝄞𝄞y', 2, 6)).toBe(3)
  })
})

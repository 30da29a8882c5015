import { describe, expect, it } from 'vitest'
import { decodeUtf8, firstInvalidUtf8 } from './decode.js'
import { FormatError, InputTooLargeError } from './errors.js'

const bytes = (...b: number[]): Uint8Array => Uint8Array.from(b)

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a BOM', () => {
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9), 'f')).toBe('aé')
  })

  it('names the byte offset and line of invalid UTF-8', () => {
    // "value\nCôté\n" saved as ISO-8859-1: 0xF4 at offset 7 starts no valid UTF-8 sequence.
    const latin1 = bytes(...new TextEncoder().encode('value\nC'), 0xf4, 0x74, 0xe9, 0x0a)
    expect(() => decodeUtf8(latin1, 'list.txt')).toThrow(
      expect.objectContaining({ name: 'FormatError', line: 2, message: 'list.txt: not valid UTF-8 at byte offset 7 (line 2); save the file as UTF-8' }),
    )
    expect(() => decodeUtf8(latin1, 'x')).toThrow(FormatError)
  })

  it('refuses input over the limit', () => {
    expect(() => decodeUtf8(new Uint8Array(11), 'f', 10)).toThrow(InputTooLargeError)
  })
})

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x61, 0xc3, 0xa9], 3],
    [[0xf0, 0x9f, 0x98, 0x80], 4],
    [[0x61, 0xc0, 0xaf], 1], // overlong
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0xf4, 0x90, 0x80, 0x80], 0], // above U+10FFFF
    [[0x61, 0x62, 0xe2, 0x82], 2], // truncated
    [[0x80], 0], // stray continuation
  ])('%j → %i', (b, offset) => {
    expect(firstInvalidUtf8(bytes(...b))).toBe(offset)
  })
})

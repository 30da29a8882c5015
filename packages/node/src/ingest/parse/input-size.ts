import { InputTooLargeError } from './errors.js'
import { MAX_INPUT_BYTES } from './limits.js'

/** UTF-8 byte length of a string without allocating the encoded bytes. */
export function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) bytes += 1
    else if (c < 0x800) bytes += 2
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1)
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4
        i++
      } else bytes += 3
    } else bytes += 3
  }
  return bytes
}

/**
 * Throws InputTooLargeError when `text` would be more than `limit` UTF-8 bytes. Cheap in
 * the common case: a UTF-16 unit is 1 to 3 UTF-8 bytes, so only strings between limit/3
 * and limit units need counting.
 */
export function assertInputSize(text: string, what: string, limit = MAX_INPUT_BYTES): void {
  if (text.length * 3 <= limit) return
  const size = text.length > limit ? text.length : utf8Length(text)
  if (size > limit) throw new InputTooLargeError(what, size, limit)
}

/** Drop a leading U+FEFF byte-order mark, which JSON.parse and header matching reject. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

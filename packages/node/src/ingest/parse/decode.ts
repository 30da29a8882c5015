/**
 * Bytes → text for the parsers. Ingest takes UTF-8 only (RFC 8259 §8.1 for JSON; CSV and
 * lists in practice): invalid UTF-8 is a FormatError naming the byte offset and line,
 * never silently replaced by U+FFFD. A UTF-8 BOM is dropped.
 */
import { FormatError, InputTooLargeError } from './errors.js'
import { MAX_INPUT_BYTES } from './limits.js'

export function decodeUtf8(bytes: Uint8Array, what: string, limit = MAX_INPUT_BYTES): string {
  if (bytes.length > limit) throw new InputTooLargeError(what, bytes.length, limit)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const offset = firstInvalidUtf8(bytes)
    let line = 1
    for (let k = 0; k < offset; k++) if (bytes[k] === 0x0a) line++
    throw new FormatError(`${what}: not valid UTF-8 at byte offset ${offset} (line ${line}); save the file as UTF-8`, line)
  }
}

/** Offset of the first byte sequence that is not valid UTF-8 (RFC 3629 §4), or bytes.length. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    let need: number
    let min = 0x80
    let max = 0xbf
    if (b < 0x80) {
      i++
      continue
    } else if (b >= 0xc2 && b <= 0xdf) need = 1
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2
      if (b === 0xe0) min = 0xa0 // no overlong forms
      if (b === 0xed) max = 0x9f // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3
      if (b === 0xf0) min = 0x90
      if (b === 0xf4) max = 0x8f // nothing above U+10FFFF
    } else return i
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i
    }
    i += need + 1
  }
  return bytes.length
}

// RFC 4648 §5 base64url without padding. Decoding is strict so every byte string has
// exactly one accepted text form (RFC 4648 §3.5 "canonical encoding"): a signature or key
// that could be spelled two ways would give two different stored objects for one body.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
const DECODE = new Int8Array(128).fill(-1)
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i

/** Raised by base64urlDecode; `index` is the offending character position, or -1. */
export class Base64urlError extends Error {
  override readonly name = 'Base64urlError'
  readonly index: number

  constructor(message: string, index = -1) {
    super(message)
    this.index = index
  }
}

export function base64urlEncode(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = bytes[i]! << 16
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8)
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!
  }
  return out
}

/**
 * Decodes unpadded base64url. Rejects '=' padding, characters outside the base64url
 * alphabet (including '+', '/', whitespace), a length of 1 mod 4 (no byte string encodes to
 * that), and non-zero unused bits in the last character (RFC 4648 §3.5).
 */
export function base64urlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) {
    throw new Base64urlError(`base64url text of length ${text.length} is impossible (length % 4 == 1)`)
  }
  const out = new Uint8Array(Math.floor((text.length * 3) / 4))
  let acc = 0
  let bits = 0
  let o = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const v = code < 128 ? DECODE[code]! : -1
    if (v < 0) {
      const what = text[i] === '=' ? "padding '='" : `character ${JSON.stringify(text[i])}`
      throw new Base64urlError(`base64url text has ${what} at index ${i}`, i)
    }
    acc = ((acc << 6) | v) & 0xffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 0xff
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new Base64urlError(
      `base64url text has non-zero unused bits in its last character at index ${text.length - 1}`,
      text.length - 1,
    )
  }
  return out
}

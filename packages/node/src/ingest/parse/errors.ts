/**
 * The whole file is not what its format claims (malformed JSON, a CSV without a `value`
 * column, binary bytes in a text list, a file over the size limit). Design invariant 7:
 * a FormatError means nothing from the file is imported, no partial import. Row-level
 * mistakes are not FormatErrors; they are `ParseProblem`s and the other rows still count.
 */
export class FormatError extends Error {
  override readonly name: string = 'FormatError'
  constructor(
    message: string,
    /** 1-based line of the fault, when known. */
    readonly line?: number,
    /** 1-based column in characters (Unicode code points), when known. */
    readonly column?: number,
  ) {
    super(message)
  }
}

/** The input is larger than the parser accepts; checked before any parsing. */
export class InputTooLargeError extends FormatError {
  override readonly name = 'InputTooLargeError'
  constructor(
    what: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${what}: input is ${size} bytes, over the limit of ${limit} bytes; split it into smaller files`)
  }
}

/** Render a character for an error message: visible, quoted, control characters escaped. */
export function describeChar(ch: string | undefined): string {
  if (ch === undefined) return 'end of input'
  const code = ch.codePointAt(0) ?? 0
  if (code < 0x20 || code === 0x7f) return `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
  return `'${ch}'`
}

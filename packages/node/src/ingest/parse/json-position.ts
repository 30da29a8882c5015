/**
 * Strict JSON parsing with a precise error position. Node 20's JSON.parse reports
 * neither line nor column ("Unexpected token ']', ..." is not valid JSON"), so on failure
 * a small scanner re-reads the text against the RFC 8259 grammar and finds the first
 * character that cannot continue a valid document: for a trailing comma that is the
 * closing bracket after it (the position Python's json module reports too).
 */
import { FormatError, describeChar } from './errors.js'
import { assertInputSize, stripBom } from './input-size.js'
import { lineColumn } from './text-position.js'

export interface JsonFault {
  /** UTF-16 index of the offending character (text.length for an early end). */
  index: number
  message: string
}

export interface ParseJsonOptions {
  /** Largest accepted input in UTF-8 bytes; default MAX_INPUT_BYTES. */
  maxBytes?: number
}

/**
 * JSON.parse with a size limit, a tolerated leading BOM and, on failure, a FormatError
 * naming `what`, the line, the column (1-based, in characters) and the reason.
 */
export function parseJsonStrict(text: string, what: string, options: ParseJsonOptions = {}): unknown {
  assertInputSize(text, what, options.maxBytes)
  const body = stripBom(text)
  try {
    return JSON.parse(body) as unknown
  } catch (err) {
    const fault = findJsonSyntaxError(body)
    if (fault === undefined) {
      // JSON.parse failed for a reason the grammar does not explain (e.g. resources).
      throw new FormatError(`${what}: invalid JSON: ${err instanceof Error ? err.message : String(err)}`)
    }
    const { line, column } = lineColumn(body, fault.index)
    throw new FormatError(`${what}: invalid JSON at line ${line}, column ${column}: ${fault.message}`, line, column)
  }
}

/** What the scanner expects next. */
const Next = { Value: 0, Key: 1, AfterValue: 2 } as const
type Next = (typeof Next)[keyof typeof Next]

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
}
function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39
}
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)
}

/**
 * The first syntax error of `text` as a JSON text (RFC 8259 §2), or undefined when the
 * text is valid. Iterative, so deep nesting cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonFault | undefined {
  const n = text.length
  const stack: number[] = [] // 0x7b '{' or 0x5b '['
  let i = 0
  let next: Next = Next.Value
  const found = (at: number): string => describeChar(at < n ? String.fromCodePoint(text.codePointAt(at) ?? 0) : undefined)
  const skipWs = (): void => {
    while (i < n && isWs(text.charCodeAt(i))) i++
  }
  const trailingComma = (): boolean => {
    let j = i - 1
    while (j >= 0 && isWs(text.charCodeAt(j))) j--
    return text.charCodeAt(j) === 0x2c
  }

  const scanString = (): JsonFault | undefined => {
    const open = i++
    for (;;) {
      if (i >= n) return { index: open, message: 'unterminated string starting here' }
      const c = text.charCodeAt(i)
      if (c === 0x22) {
        i++
        return undefined
      }
      if (c < 0x20) return { index: i, message: `${found(i)} inside a string must be escaped` }
      if (c === 0x5c) {
        const e = text.charCodeAt(i + 1)
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (!isHex(text.charCodeAt(i + k))) return { index: i + k, message: `\\u escape needs 4 hex digits, found ${found(i + k)}` }
          }
          i += 6
        } else if ('"\\/bfnrt'.includes(text[i + 1] ?? 'x')) {
          i += 2
        } else {
          return { index: i + 1, message: `invalid escape \\${text[i + 1] ?? ''} in a string` }
        }
        continue
      }
      i++
    }
  }

  const scanNumber = (): JsonFault | undefined => {
    if (text.charCodeAt(i) === 0x2d) i++
    const digits = (): boolean => {
      if (!isDigit(text.charCodeAt(i))) return false
      while (isDigit(text.charCodeAt(i))) i++
      return true
    }
    if (text.charCodeAt(i) === 0x30) i++
    else if (!digits()) return { index: i, message: `expected a digit, found ${found(i)}` }
    if (text.charCodeAt(i) === 0x2e) {
      i++
      if (!digits()) return { index: i, message: `expected a digit after '.', found ${found(i)}` }
    }
    const e = text.charCodeAt(i)
    if (e === 0x65 || e === 0x45) {
      i++
      const s = text.charCodeAt(i)
      if (s === 0x2b || s === 0x2d) i++
      if (!digits()) return { index: i, message: `expected a digit in the exponent, found ${found(i)}` }
    }
    return undefined
  }

  const scanLiteral = (word: string): JsonFault | undefined => {
    for (let k = 0; k < word.length; k++) {
      if (text[i + k] !== word[k]) return { index: i + k, message: `expected '${word}', found ${found(i + k)}` }
    }
    i += word.length
    return undefined
  }

  for (;;) {
    skipWs()
    const c = text.charCodeAt(i) // NaN at the end
    let fault: JsonFault | undefined
    if (next === Next.Value) {
      if (c === 0x7b || c === 0x5b) {
        i++
        skipWs()
        if (text.charCodeAt(i) === c + 2) {
          i++ // '{}' or '[]': '}' is '{'+2, ']' is '['+2
          next = Next.AfterValue
        } else {
          stack.push(c)
          next = c === 0x7b ? Next.Key : Next.Value
        }
        continue
      }
      if (c === 0x22) fault = scanString()
      else if (c === 0x2d || isDigit(c)) fault = scanNumber()
      else if (c === 0x74) fault = scanLiteral('true')
      else if (c === 0x66) fault = scanLiteral('false')
      else if (c === 0x6e) fault = scanLiteral('null')
      else {
        const hint = (c === 0x5d || c === 0x7d) && trailingComma() ? ' (trailing comma before it)' : ''
        return { index: i, message: `expected a value, found ${found(i)}${hint}` }
      }
      if (fault) return fault
      next = Next.AfterValue
    } else if (next === Next.Key) {
      if (c !== 0x22) {
        const hint = c === 0x7d && trailingComma() ? ' (trailing comma before it)' : ''
        return { index: i, message: `expected a property name in double quotes, found ${found(i)}${hint}` }
      }
      fault = scanString()
      if (fault) return fault
      skipWs()
      if (text.charCodeAt(i) !== 0x3a) return { index: i, message: `expected ':' after the property name, found ${found(i)}` }
      i++
      next = Next.Value
    } else {
      const top = stack[stack.length - 1]
      if (top === undefined) {
        return i < n ? { index: i, message: `unexpected ${found(i)} after the end of the JSON value` } : undefined
      }
      const close = top + 2
      if (c === 0x2c) {
        i++
        next = top === 0x7b ? Next.Key : Next.Value
      } else if (c === close) {
        i++
        stack.pop()
      } else {
        return { index: i, message: `expected ',' or '${String.fromCharCode(close)}', found ${found(i)}` }
      }
    }
  }
}

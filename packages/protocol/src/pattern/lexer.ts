/**
 * Hand-written lexer for the STIX 2.1 patterning language, following the token rules
 * of STIXPattern.g4: keywords are upper-case and case-sensitive, identifiers may hold
 * `-` (only object types may use that), `/* … *\/` and `// …` comments and Unicode
 * white space are skipped. Tokens are produced on demand, so the first error in
 * reading order is the one reported.
 */
import { PatternSyntaxError } from './errors.js'
import {
  base64Problem,
  canonicalFloat,
  canonicalInt,
  canonicalTimestamp,
  hexProblem,
  timestampProblem,
} from './literals.js'

export type TokenKind =
  | 'ident'
  | 'keyword'
  | 'string'
  | 'int'
  | 'float'
  | 'bool'
  | 'timestamp'
  | 'hex'
  | 'binary'
  | 'punct'
  | 'op'
  /** A character no token starts with; the parser reports it as unexpected. */
  | 'invalid'
  | 'eof'

export interface Token {
  readonly kind: TokenKind
  /** The source text of the token (empty at end of pattern). */
  readonly text: string
  /**
   * ident/keyword/punct/op: the text (`==` → `=`, `<>` → `!=`); string: the decoded
   * value; numbers and typed literals: the canonical form; bool: `true`/`false`.
   */
  readonly value: string
  readonly offset: number
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUPERSET',
  'ISSUBSET',
  'EXISTS',
  'LAST',
  'IN',
  'START',
  'STOP',
  'SECONDS',
  'WITHIN',
  'REPEATS',
  'TIMES',
])

// The grammar's WS rule.
const WHITESPACE = /[ \t\r\n\u000B\u000C\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/
const IDENT_START = /[A-Za-z_]/
const IDENT_PART = /[A-Za-z0-9_-]/
const DIGIT = /[0-9]/
const PUNCT = '[]():.,*'

export class Lexer {
  private pos = 0

  constructor(private readonly src: string) {}

  next(): Token {
    this.skipSpaceAndComments()
    const start = this.pos
    const c = this.src[start]
    if (c === undefined) return { kind: 'eof', text: '', value: '', offset: start }
    if (c === "'") return this.string(start)
    if (IDENT_START.test(c)) return this.word(start)
    if (DIGIT.test(c) || c === '+' || c === '-' || (c === '.' && DIGIT.test(this.at(start + 1)))) {
      const number = this.number(start)
      if (number !== undefined) return number
    }
    if (PUNCT.includes(c)) {
      this.pos++
      return { kind: 'punct', text: c, value: c, offset: start }
    }
    return this.operator(start, c)
  }

  private at(i: number): string {
    return this.src[i] ?? ''
  }

  private fail(offset: number, reason: string, found?: string): never {
    throw new PatternSyntaxError(this.src, offset, reason, { found })
  }

  private skipSpaceAndComments(): void {
    for (;;) {
      const c = this.at(this.pos)
      if (c !== '' && WHITESPACE.test(c)) {
        this.pos++
      } else if (c === '/' && this.at(this.pos + 1) === '*') {
        const end = this.src.indexOf('*/', this.pos + 2)
        if (end < 0) this.fail(this.pos, "comment '/*' is not closed by '*/'")
        this.pos = end + 2
      } else if (c === '/' && this.at(this.pos + 1) === '/') {
        while (this.pos < this.src.length && !'\r\n'.includes(this.at(this.pos))) this.pos++
      } else {
        return
      }
    }
  }

  /** StringLiteral: only `\'` and `\\` are escapes; any other `\` is an error. */
  private string(start: number): Token {
    let value = ''
    let i = start + 1
    for (;;) {
      const c = this.src[i]
      if (c === undefined) this.fail(start, 'string is not closed by a quote')
      if (c === "'") break
      if (c === '\\') {
        const e = this.at(i + 1)
        if (e !== "'" && e !== '\\') {
          const shown = e === '' ? '\\' : `\\${e}`
          this.fail(i, `invalid escape '${shown}' in string: only \\' and \\\\ are allowed`, shown)
        }
        value += e
        i += 2
      } else {
        value += c
        i++
      }
    }
    this.pos = i + 1
    return { kind: 'string', text: this.src.slice(start, this.pos), value, offset: start }
  }

  private word(start: number): Token {
    let i = start + 1
    while (i < this.src.length && IDENT_PART.test(this.at(i))) i++
    const text = this.src.slice(start, i)
    if ((text === 't' || text === 'h' || text === 'b') && this.at(i) === "'") {
      return this.typed(start, text)
    }
    this.pos = i
    if (text === 'true' || text === 'false') return { kind: 'bool', text, value: text, offset: start }
    const kind = KEYWORDS.has(text) ? 'keyword' : 'ident'
    return { kind, text, value: text, offset: start }
  }

  /** `t'…'`, `h'…'`, `b'…'`: no escapes inside, content checked per the grammar. */
  private typed(start: number, prefix: 't' | 'h' | 'b'): Token {
    const close = this.src.indexOf("'", start + 2)
    if (close < 0) this.fail(start, `${prefix}'…' literal is not closed by a quote`)
    const content = this.src.slice(start + 2, close)
    const text = this.src.slice(start, close + 1)
    this.pos = close + 1
    if (prefix === 't') {
      const problem = timestampProblem(content)
      if (problem !== undefined) this.fail(start, `invalid timestamp ${text}: ${problem}`, text)
      return { kind: 'timestamp', text, value: canonicalTimestamp(content), offset: start }
    }
    if (prefix === 'h') {
      const problem = hexProblem(content)
      if (problem !== undefined) this.fail(start, `invalid hex literal ${text}: ${problem}`, text)
      return { kind: 'hex', text, value: content.toLowerCase(), offset: start }
    }
    const problem = base64Problem(content)
    if (problem !== undefined) this.fail(start, `invalid binary literal ${text}: ${problem}`, text)
    return { kind: 'binary', text, value: content, offset: start }
  }

  /** IntPos/IntNeg/FloatPos/FloatNeg; `undefined` for a lone `+`/`-` (not a number). */
  private number(start: number): Token | undefined {
    let i = start
    if (this.at(i) === '+' || this.at(i) === '-') i++
    const digitsStart = i
    while (DIGIT.test(this.at(i))) i++
    const digits = this.src.slice(digitsStart, i)
    if (this.at(i) === '.' && DIGIT.test(this.at(i + 1))) {
      i++
      while (DIGIT.test(this.at(i))) i++
      this.pos = i
      const text = this.src.slice(start, i)
      return { kind: 'float', text, value: canonicalFloat(text), offset: start }
    }
    if (digits === '') return undefined
    const text = this.src.slice(start, i)
    if (digits.length > 1 && digits.startsWith('0')) {
      this.fail(start, `integer ${text} has a leading zero`, text)
    }
    this.pos = i
    return { kind: 'int', text, value: canonicalInt(text), offset: start }
  }

  private operator(start: number, c: string): Token {
    const two = this.src.slice(start, start + 2)
    const canonical: Record<string, string> = { '==': '=', '!=': '!=', '<>': '!=', '<=': '<=', '>=': '>=' }
    const op2 = canonical[two]
    if (op2 !== undefined) {
      this.pos = start + 2
      return { kind: 'op', text: two, value: op2, offset: start }
    }
    if (c === '=' || c === '<' || c === '>') {
      this.pos = start + 1
      return { kind: 'op', text: c, value: c, offset: start }
    }
    const cp = this.src.codePointAt(start) ?? 0
    const text = String.fromCodePoint(cp)
    this.pos = start + text.length
    return { kind: 'invalid', text, value: text, offset: start }
  }
}

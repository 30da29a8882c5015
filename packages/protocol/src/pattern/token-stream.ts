/**
 * One-token look-ahead over the lexer, with the helpers both parser halves share:
 * expectations with precise errors, and the nesting-depth limit.
 */
import { PatternSyntaxError, type PatternErrorCode } from './errors.js'
import { Lexer, type Token } from './lexer.js'
import { MAX_NESTING_DEPTH } from './limits.js'

const MAX_SHOWN = 40

/** How a token is named in an error message. */
export function describeToken(token: Token): string {
  if (token.kind === 'eof') return 'end of pattern'
  if (token.kind === 'invalid') {
    const cp = token.text.codePointAt(0) ?? 0
    const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
    return cp > 0x20 && cp < 0x7f ? `'${token.text}'` : `character ${code}`
  }
  const text = token.text.length > MAX_SHOWN ? `${token.text.slice(0, MAX_SHOWN)}…` : token.text
  return `'${text}'`
}

export class TokenStream {
  private readonly lexer: Lexer
  private current: Token
  private depth = 0

  constructor(readonly source: string) {
    this.lexer = new Lexer(source)
    this.current = this.lexer.next()
  }

  peek(): Token {
    return this.current
  }

  advance(): Token {
    const token = this.current
    this.current = this.lexer.next()
    return token
  }

  /** True when the current token is the keyword or punctuation `text`. */
  is(text: string): boolean {
    const t = this.current
    return (t.kind === 'keyword' || t.kind === 'punct') && t.text === text
  }

  /** Consumes the keyword or punctuation `text` when it is next. */
  accept(text: string): Token | undefined {
    return this.is(text) ? this.advance() : undefined
  }

  /** Consumes the keyword or punctuation `text`, or fails with `expected … but found …`. */
  expect(text: string, context = ''): Token {
    const token = this.accept(text)
    if (token === undefined) this.unexpected(`'${text}'`, context)
    return token
  }

  /** Fails at the current token: `expected <expected>[ context] but found <token>`. */
  unexpected(expected: string, context = ''): never {
    const found = describeToken(this.current)
    const suffix = context === '' ? '' : ` ${context}`
    throw new PatternSyntaxError(this.source, this.current.offset, `expected ${expected}${suffix} but found ${found}`, {
      expected,
      found,
    })
  }

  fail(offset: number, reason: string, code: PatternErrorCode = 'syntax'): never {
    throw new PatternSyntaxError(this.source, offset, reason, { code })
  }

  /** Enters one `(` or `[` level at `offset`, enforcing MAX_NESTING_DEPTH. */
  enter(offset: number): void {
    this.depth++
    if (this.depth > MAX_NESTING_DEPTH) {
      this.fail(offset, `nesting is deeper than the limit of ${MAX_NESTING_DEPTH} levels of '(' and '['`, 'limit')
    }
  }

  leave(): void {
    this.depth--
  }
}

/**
 * Recursive-descent parser for STIX 2.1 patterns (section 9; grammar STIXPattern.g4).
 * Observation level, lowest precedence first: FOLLOWEDBY, OR, AND, then one
 * observation expression (`[…]` or `(…)`) with any qualifiers after it.
 *
 * Checks beyond the grammar, as STIX 2.1 section 9.5 and the OASIS validator require:
 * WITHIN and REPEATS numbers are positive, START is before STOP, and a bracketed
 * observation takes each qualifier kind at most once (`[a] WITHIN 1 SECONDS WITHIN 2
 * SECONDS` is rejected, `([a]) WITHIN 1 SECONDS WITHIN 2 SECONDS` is not).
 */
import type { ObservationExpression, Pattern, Qualifier } from './ast.js'
import { PatternSyntaxError } from './errors.js'
import { compareTimestamps, isPositiveDecimal } from './literals.js'
import { MAX_PATTERN_BYTES, MAX_REPEATS } from './limits.js'
import { parseComparisonExpression } from './parse-comparison.js'
import { TokenStream } from './token-stream.js'

/** Parses a STIX 2.1 pattern, or throws `PatternSyntaxError` pointing at the problem. */
export function parsePattern(src: string): Pattern {
  checkLength(src)
  const ts = new TokenStream(src)
  if (ts.peek().kind === 'eof') ts.unexpected("'[' or '(' to start an observation expression")
  const root = parseFollowedBy(ts)
  if (ts.peek().kind !== 'eof') {
    ts.unexpected('end of pattern, AND, OR, FOLLOWEDBY or a qualifier (WITHIN, REPEATS, START)')
  }
  return root
}

function checkLength(src: string): void {
  let bytes = 0
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i)
    // A surrogate pair is 4 bytes in UTF-8: 2 counted for each half.
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3
    if (bytes > MAX_PATTERN_BYTES) {
      throw new PatternSyntaxError(src, i, `pattern is longer than the limit of ${MAX_PATTERN_BYTES} bytes`, {
        code: 'limit',
      })
    }
  }
}

function parseFollowedBy(ts: TokenStream): ObservationExpression {
  let left = parseOr(ts)
  while (ts.accept('FOLLOWEDBY')) {
    const right = parseOr(ts)
    left = { kind: 'followedby', left, right, offset: left.offset }
  }
  return left
}

function parseOr(ts: TokenStream): ObservationExpression {
  const first = parseAnd(ts)
  const operands: ObservationExpression[] = []
  const push = (e: ObservationExpression): void => {
    if (e.kind === 'observation-or') operands.push(...e.operands)
    else operands.push(e)
  }
  push(first)
  while (ts.accept('OR')) push(parseAnd(ts))
  if (operands.length === 1) return first
  return { kind: 'observation-or', operands, offset: first.offset }
}

function parseAnd(ts: TokenStream): ObservationExpression {
  const first = parseQualified(ts)
  const operands: ObservationExpression[] = []
  const push = (e: ObservationExpression): void => {
    if (e.kind === 'observation-and') operands.push(...e.operands)
    else operands.push(e)
  }
  push(first)
  while (ts.accept('AND')) push(parseQualified(ts))
  if (operands.length === 1) return first
  return { kind: 'observation-and', operands, offset: first.offset }
}

function parseQualified(ts: TokenStream): ObservationExpression {
  const bracketed = ts.is('[')
  let expr = parsePrimary(ts)
  const seen = new Set<Qualifier['kind']>()
  for (;;) {
    const qualifier = parseQualifier(ts)
    if (qualifier === undefined) return expr
    if (bracketed && seen.has(qualifier.kind)) {
      const name = qualifier.kind === 'startstop' ? 'START/STOP' : qualifier.kind.toUpperCase()
      ts.fail(
        qualifier.offset,
        `${name} is already applied to this bracketed observation; to apply it again, put the qualified expression in parentheses`,
        'semantic',
      )
    }
    seen.add(qualifier.kind)
    expr = { kind: 'qualified', operand: expr, qualifier, offset: expr.offset }
  }
}

function parsePrimary(ts: TokenStream): ObservationExpression {
  const bracket = ts.accept('[')
  if (bracket !== undefined) {
    ts.enter(bracket.offset)
    const comparison = parseComparisonExpression(ts)
    ts.expect(']', 'to close the observation')
    ts.leave()
    return { kind: 'observation', comparison, offset: bracket.offset }
  }
  const paren = ts.accept('(')
  if (paren !== undefined) {
    ts.enter(paren.offset)
    const inner = parseFollowedBy(ts)
    ts.expect(')', 'to close the group')
    ts.leave()
    return { ...inner, offset: paren.offset }
  }
  return ts.unexpected("'[' or '(' to start an observation expression")
}

function parseQualifier(ts: TokenStream): Qualifier | undefined {
  const t = ts.peek()
  if (ts.accept('WITHIN')) {
    const n = ts.peek()
    if (n.kind !== 'int' && n.kind !== 'float') ts.unexpected('a positive number of seconds', 'after WITHIN')
    if (!isPositiveDecimal(n.value)) ts.fail(n.offset, `WITHIN needs a positive number of seconds, not ${n.text}`, 'semantic')
    ts.advance()
    ts.expect('SECONDS', `after WITHIN ${n.text}`)
    return { kind: 'within', seconds: n.value, offset: t.offset }
  }
  if (ts.accept('REPEATS')) {
    const n = ts.peek()
    if (n.kind !== 'int') ts.unexpected('a positive integer', 'after REPEATS')
    if (!isPositiveDecimal(n.value)) ts.fail(n.offset, `REPEATS needs a positive integer, not ${n.text}`, 'semantic')
    const times = Number(n.value)
    if (times > MAX_REPEATS) ts.fail(n.offset, `REPEATS count ${n.text} is beyond the limit of ${MAX_REPEATS}`, 'limit')
    ts.advance()
    ts.expect('TIMES', `after REPEATS ${n.text}`)
    return { kind: 'repeats', times, offset: t.offset }
  }
  if (ts.accept('START')) {
    const start = ts.peek()
    if (start.kind !== 'timestamp') ts.unexpected("a timestamp t'…'", 'after START')
    ts.advance()
    ts.expect('STOP', 'after the START timestamp')
    const stop = ts.peek()
    if (stop.kind !== 'timestamp') ts.unexpected("a timestamp t'…'", 'after STOP')
    if (compareTimestamps(start.value, stop.value) >= 0) {
      ts.fail(stop.offset, `STOP ${stop.text} is not later than START ${start.text}`, 'semantic')
    }
    ts.advance()
    return { kind: 'startstop', start: start.value, stop: stop.value, offset: t.offset }
  }
  return undefined
}

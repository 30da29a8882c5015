/**
 * Recursive descent for what sits inside `[ … ]`: comparison expressions (STIX 2.1
 * section 9.4, grammar rules comparisonExpression … propTest), object paths (9.3) and
 * constants. AND binds tighter than OR; both are flattened into n-ary nodes.
 */
import type {
  Comparison,
  ComparisonExpression,
  ComparisonOperator,
  Constant,
  Exists,
  ObjectPath,
  PathStep,
  PrimitiveConstant,
  SetConstant,
} from './ast.js'
import { hashValueProblem } from './hashes.js'
import type { Token } from './lexer.js'
import { MAX_PATH_INDEX } from './limits.js'
import type { TokenStream } from './token-stream.js'

const STRING_OPERATORS: ReadonlySet<string> = new Set(['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'])
const OPERATOR_LIST = "'=', '!=', '<', '<=', '>', '>=', IN, LIKE, MATCHES, ISSUBSET or ISSUPERSET"
const IDENTIFIER_WITHOUT_HYPHEN = /^[A-Za-z_][A-Za-z0-9_]*$/

export function parseComparisonExpression(ts: TokenStream): ComparisonExpression {
  const first = parseComparisonAnd(ts)
  const operands: ComparisonExpression[] = []
  const push = (e: ComparisonExpression): void => {
    if (e.kind === 'comparison-or') operands.push(...e.operands)
    else operands.push(e)
  }
  push(first)
  while (ts.accept('OR')) push(parseComparisonAnd(ts))
  if (operands.length === 1) return first
  return { kind: 'comparison-or', operands, offset: first.offset }
}

function parseComparisonAnd(ts: TokenStream): ComparisonExpression {
  const first = parsePropTest(ts)
  const operands: ComparisonExpression[] = []
  const push = (e: ComparisonExpression): void => {
    if (e.kind === 'comparison-and') operands.push(...e.operands)
    else operands.push(e)
  }
  push(first)
  while (ts.accept('AND')) push(parsePropTest(ts))
  if (operands.length === 1) return first
  return { kind: 'comparison-and', operands, offset: first.offset }
}

function parsePropTest(ts: TokenStream): ComparisonExpression {
  const open = ts.accept('(')
  if (open !== undefined) {
    ts.enter(open.offset)
    const inner = parseComparisonExpression(ts)
    ts.expect(')', 'to close the comparison group')
    ts.leave()
    return { ...inner, offset: open.offset }
  }
  const not = ts.accept('NOT')
  if (not !== undefined || ts.is('EXISTS')) {
    const exists = ts.expect('EXISTS', not === undefined ? '' : "after NOT before an object path (or put NOT after the path)")
    const path = parseObjectPath(ts)
    const node: Exists = { kind: 'exists', negated: not !== undefined, path, offset: (not ?? exists).offset }
    return node
  }
  const path = parseObjectPath(ts)
  const negated = ts.accept('NOT') !== undefined
  const operator = parseOperator(ts)
  const value = parseOperand(ts, operator)
  checkHashValue(ts, path, operator, value)
  const node: Comparison = { kind: 'comparison', path, negated, operator, value, offset: path.offset }
  return node
}

function parseOperator(ts: TokenStream): ComparisonOperator {
  const t = ts.peek()
  if (t.kind === 'op' || (t.kind === 'keyword' && (t.text === 'IN' || STRING_OPERATORS.has(t.text)))) {
    ts.advance()
    return t.value as ComparisonOperator
  }
  return ts.unexpected(`a comparison operator (${OPERATOR_LIST})`)
}

function parseOperand(ts: TokenStream, operator: ComparisonOperator): Constant {
  if (operator === 'IN') return parseSet(ts)
  if (STRING_OPERATORS.has(operator)) {
    const t = ts.peek()
    if (t.kind !== 'string') ts.unexpected('a quoted string', `after ${operator}`)
    ts.advance()
    return { kind: 'string', value: t.value, offset: t.offset }
  }
  const orderable = operator !== '=' && operator !== '!='
  const constant = toConstant(ts.peek())
  if (constant === undefined || (orderable && constant.kind === 'bool')) {
    const what = orderable ? 'a number, string, timestamp, hex or binary constant' : 'a constant'
    ts.unexpected(what, `after '${operator}'`)
  }
  ts.advance()
  return constant
}

function parseSet(ts: TokenStream): SetConstant {
  const open = ts.expect('(', 'to start the set after IN')
  const values: PrimitiveConstant[] = []
  if (!ts.is(')')) {
    do {
      const constant = toConstant(ts.peek())
      if (constant === undefined) ts.unexpected('a constant', 'in the set')
      ts.advance()
      values.push(constant)
    } while (ts.accept(','))
  }
  ts.expect(')', 'to close the set')
  return { kind: 'set', values, offset: open.offset }
}

function toConstant(t: Token): PrimitiveConstant | undefined {
  const offset = t.offset
  switch (t.kind) {
    case 'string':
    case 'int':
    case 'float':
    case 'timestamp':
    case 'hex':
    case 'binary':
      return { kind: t.kind, value: t.value, offset }
    case 'bool':
      return { kind: 'bool', value: t.value === 'true', offset }
    default:
      return undefined
  }
}

export function parseObjectPath(ts: TokenStream): ObjectPath {
  const type = ts.peek()
  if (type.kind !== 'ident') ts.unexpected('an object type (such as file or ipv4-addr)')
  ts.advance()
  ts.expect(':', `after object type '${type.text}'`)
  const steps: PathStep[] = [parseKey(ts, 'a property name')]
  for (;;) {
    if (ts.accept('.')) {
      steps.push(parseKey(ts, "a property name after '.'"))
    } else if (ts.is('[')) {
      steps.push(parseIndex(ts))
    } else {
      return { objectType: type.text, steps, offset: type.offset }
    }
  }
}

function parseKey(ts: TokenStream, expected: string): PathStep {
  const t = ts.peek()
  if (t.kind === 'string') {
    ts.advance()
    return { kind: 'key', name: t.value, offset: t.offset }
  }
  if (t.kind === 'ident') {
    if (!IDENTIFIER_WITHOUT_HYPHEN.test(t.text)) {
      ts.fail(t.offset, `property name '${t.text}' contains '-': quote it as '${t.text}'`)
    }
    ts.advance()
    return { kind: 'key', name: t.text, offset: t.offset }
  }
  return ts.unexpected(expected)
}

function parseIndex(ts: TokenStream): PathStep {
  const open = ts.expect('[')
  if (ts.accept('*')) {
    ts.expect(']', 'to close the list index')
    return { kind: 'any', offset: open.offset }
  }
  const t = ts.peek()
  if (t.kind !== 'int') ts.unexpected("a list index (an integer or '*')")
  const index = Number(t.value)
  if (Math.abs(index) > MAX_PATH_INDEX) {
    ts.fail(t.offset, `list index ${t.text} is beyond the limit of ${MAX_PATH_INDEX}`, 'limit')
  }
  ts.advance()
  ts.expect(']', 'to close the list index')
  return { kind: 'index', index, offset: open.offset }
}

/**
 * The OASIS validator rejects a hash constant of the wrong shape for a known algorithm
 * (`file:hashes.'SHA-256' = 'f00'`); the path must end in `hashes.<algorithm>`.
 */
function checkHashValue(ts: TokenStream, path: ObjectPath, operator: ComparisonOperator, value: Constant): void {
  if (operator !== '=' && operator !== '!=' && operator !== 'IN') return
  const last = path.steps[path.steps.length - 1]
  const parent = path.steps[path.steps.length - 2]
  if (last?.kind !== 'key' || parent?.kind !== 'key' || parent.name !== 'hashes') return
  const values = value.kind === 'set' ? value.values : [value]
  for (const v of values) {
    if (v.kind !== 'string') continue
    const problem = hashValueProblem(last.name, v.value)
    if (problem !== undefined) ts.fail(v.offset, problem, 'semantic')
  }
}

/**
 * Canonical text of a pattern: single spaces around operators and keywords, no space
 * inside brackets, `=` and `!=` (never `==`, `<>`), parentheses only where precedence
 * (FOLLOWEDBY < OR < AND) or a qualifier needs them, property names bare when they are
 * identifiers and quoted otherwise, strings in single quotes escaping only `'` and `\`.
 * For every parsed pattern p, `parsePattern(printPattern(p))` equals p (`equal.ts`).
 */
import type {
  ComparisonExpression,
  Constant,
  ObjectPath,
  ObservationExpression,
  Pattern,
  PathStep,
  Qualifier,
} from './ast.js'
import { KEYWORDS } from './lexer.js'

export function printPattern(p: Pattern): string {
  return printObservation(p)
}

function printObservation(e: ObservationExpression): string {
  switch (e.kind) {
    case 'observation':
      return `[${printComparison(e.comparison)}]`
    case 'observation-and':
      return e.operands.map((o) => wrapUnless(o, ['observation', 'qualified'])).join(' AND ')
    case 'observation-or':
      return e.operands.map((o) => wrapUnless(o, ['observation', 'qualified', 'observation-and'])).join(' OR ')
    case 'followedby': {
      const left = printObservation(e.left)
      const right = wrapUnless(e.right, ['observation', 'qualified', 'observation-and', 'observation-or'])
      return `${left} FOLLOWEDBY ${right}`
    }
    case 'qualified':
      return printQualified(e)
  }
}

function wrapUnless(e: ObservationExpression, bare: readonly ObservationExpression['kind'][]): string {
  const text = printObservation(e)
  return bare.includes(e.kind) ? text : `(${text})`
}

/**
 * A chain of qualifiers on one operand prints after it. A bracketed observation may
 * carry each qualifier kind once, so a repeated kind closes the chain in parentheses.
 */
function printQualified(e: ObservationExpression): string {
  const qualifiers: Qualifier[] = []
  let base = e
  while (base.kind === 'qualified') {
    qualifiers.unshift(base.qualifier)
    base = base.operand
  }
  let text = wrapUnless(base, ['observation'])
  const seen = new Set<Qualifier['kind']>()
  for (const q of qualifiers) {
    if (base.kind === 'observation' && seen.has(q.kind)) {
      text = `(${text})`
      seen.clear()
    }
    seen.add(q.kind)
    text = `${text} ${printQualifier(q)}`
  }
  return text
}

function printQualifier(q: Qualifier): string {
  switch (q.kind) {
    case 'within':
      return `WITHIN ${q.seconds} SECONDS`
    case 'repeats':
      return `REPEATS ${q.times} TIMES`
    case 'startstop':
      return `START t'${q.start}' STOP t'${q.stop}'`
  }
}

export function printComparison(e: ComparisonExpression): string {
  switch (e.kind) {
    case 'comparison-and':
      return e.operands.map((o) => (o.kind === 'comparison-or' ? `(${printComparison(o)})` : printComparison(o))).join(' AND ')
    case 'comparison-or':
      return e.operands.map(printComparison).join(' OR ')
    case 'exists':
      return `${e.negated ? 'NOT ' : ''}EXISTS ${printPath(e.path)}`
    case 'comparison':
      return `${printPath(e.path)} ${e.negated ? 'NOT ' : ''}${e.operator} ${printConstant(e.value)}`
  }
}

const IDENTIFIER_WITHOUT_HYPHEN = /^[A-Za-z_][A-Za-z0-9_]*$/

export function printPath(path: ObjectPath): string {
  const [first, ...rest] = path.steps
  const head = first?.kind === 'key' ? printKey(first.name) : ''
  return `${path.objectType}:${head}${rest.map(printStep).join('')}`
}

function printStep(step: PathStep): string {
  switch (step.kind) {
    case 'key':
      return `.${printKey(step.name)}`
    case 'index':
      return `[${step.index}]`
    case 'any':
      return '[*]'
  }
}

function printKey(name: string): string {
  const bare = IDENTIFIER_WITHOUT_HYPHEN.test(name) && !KEYWORDS.has(name) && name !== 'true' && name !== 'false'
  return bare ? name : quote(name)
}

export function quote(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`
}

export function printConstant(c: Constant): string {
  switch (c.kind) {
    case 'string':
      return quote(c.value)
    case 'int':
    case 'float':
      return c.value
    case 'bool':
      return c.value ? 'true' : 'false'
    case 'timestamp':
      return `t'${c.value}'`
    case 'hex':
      return `h'${c.value}'`
    case 'binary':
      return `b'${c.value}'`
    case 'set':
      return `(${c.values.map(printConstant).join(', ')})`
  }
}

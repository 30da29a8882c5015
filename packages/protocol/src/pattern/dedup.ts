/**
 * A key under which patterns that mean the same indicator collide, so an importer can
 * spot the duplicate indicators that un-normalised patterns cause (DESIGN.md, "Anchors").
 *
 * The key is the canonical print (`print.ts`) of a normalised copy of the pattern:
 * - hash property names spelled canonically (`hashes.sha256` → `hashes.'SHA-256'`);
 * - string constants on supported paths (`targets.ts`) compared with `=`, `!=`, `IN`,
 *   and (on IP paths) `ISSUBSET`/`ISSUPERSET`, replaced by their normalised value; a
 *   value the observable module rejects is kept as written;
 * - the operands of AND and OR, at both levels, and the members of `IN` sets, sorted,
 *   because those are commutative; repeated operands dropped where that keeps the
 *   meaning (OR, comparison-level AND, set members), and a node left with one operand
 *   replaced by it. FOLLOWEDBY and qualifiers keep their order.
 */
import { normaliseObservable, ObservableError } from '../observable/index.js'
import type {
  Comparison,
  ComparisonExpression,
  Constant,
  ObjectPath,
  ObservationExpression,
  Pattern,
  PrimitiveConstant,
} from './ast.js'
import { canonicalHashAlgorithm } from './hashes.js'
import { printComparison, printConstant, printPattern } from './print.js'
import { addressType, isIpTarget, targetOf, type Target } from './targets.js'

export function patternDedupKey(p: Pattern): string {
  return printPattern(normaliseObservationExpression(p))
}

function normaliseObservationExpression(e: ObservationExpression): ObservationExpression {
  switch (e.kind) {
    case 'observation':
      return { ...e, comparison: normaliseComparisonExpression(e.comparison) }
    case 'observation-and':
    case 'observation-or': {
      const operands = flatten(e.kind, e.operands.map(normaliseObservationExpression))
      // OR is idempotent; two equal operands of an observation AND may be two observations.
      const unique = e.kind === 'observation-or' ? uniqueBy(operands, printPattern) : operands
      const sorted = sortBy(unique, printPattern)
      return sorted.length === 1 ? (sorted[0] as ObservationExpression) : { ...e, operands: sorted }
    }
    case 'followedby':
      return { ...e, left: normaliseObservationExpression(e.left), right: normaliseObservationExpression(e.right) }
    case 'qualified':
      return { ...e, operand: normaliseObservationExpression(e.operand) }
  }
}

function normaliseComparisonExpression(e: ComparisonExpression): ComparisonExpression {
  switch (e.kind) {
    case 'comparison-and':
    case 'comparison-or': {
      // Within one observation both AND and OR are idempotent.
      const operands = uniqueBy(flatten(e.kind, e.operands.map(normaliseComparisonExpression)), printComparison)
      const sorted = sortBy(operands, printComparison)
      return sorted.length === 1 ? (sorted[0] as ComparisonExpression) : { ...e, operands: sorted }
    }
    case 'exists':
      return { ...e, path: canonicalPath(e.path) }
    case 'comparison':
      return normaliseComparison(e)
  }
}

const NORMALISED_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', 'IN'])
const CIDR_OPERATORS: ReadonlySet<string> = new Set(['ISSUBSET', 'ISSUPERSET'])

function normaliseComparison(c: Comparison): Comparison {
  const target = targetOf(c.path)
  let value: Constant = c.value
  if (target !== undefined) {
    const cidr = CIDR_OPERATORS.has(c.operator) && value.kind === 'string' && isIpTarget(target, value.value)
    if (NORMALISED_OPERATORS.has(c.operator) || cidr) value = normaliseConstant(target, value)
  }
  if (value.kind === 'set') value = { ...value, values: sortBy(uniqueBy(value.values, printConstant), printConstant) }
  return { ...c, path: canonicalPath(c.path), value }
}

function normaliseConstant(target: Target, c: Constant): Constant {
  if (c.kind === 'set') return { ...c, values: c.values.map((m) => normaliseMember(target, m)) }
  return normaliseMember(target, c)
}

function normaliseMember(target: Target, c: PrimitiveConstant): PrimitiveConstant {
  if (c.kind !== 'string') return c
  const type = target.type === 'address' ? addressType(c.value) : target.type
  try {
    return { ...c, value: normaliseObservable(type, target.property, c.value).value }
  } catch (e) {
    if (e instanceof ObservableError) return c
    throw e
  }
}

/** Renames the last step of `…hashes.<alg>` to the canonical algorithm name. */
function canonicalPath(path: ObjectPath): ObjectPath {
  const n = path.steps.length
  const last = path.steps[n - 1]
  const parent = path.steps[n - 2]
  if (last?.kind !== 'key' || parent?.kind !== 'key' || parent.name !== 'hashes') return path
  const name = canonicalHashAlgorithm(last.name)
  if (name === undefined || name === last.name) return path
  return { ...path, steps: [...path.steps.slice(0, -1), { ...last, name }] }
}

/** Splices operands of the same n-ary kind (left by collapsing a one-operand node). */
function flatten<T extends { kind: string }>(kind: string, operands: readonly T[]): T[] {
  return operands.flatMap((o) => (o.kind === kind ? (o as unknown as { operands: T[] }).operands : [o]))
}

function uniqueBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [keyOf(item), item] as const)).values()]
}

function sortBy<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: keyOf(item) }))
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  return keyed.map((k) => k.item)
}

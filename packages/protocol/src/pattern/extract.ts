/**
 * The observables a CERT matches an indicator on: every positive comparison on a
 * supported path (`targets.ts`), anywhere in the pattern, normalised by the observable
 * module so that one value has one key.
 *
 * Taken: `path = 'v'`, `path IN ('v', …)` (each string member), and `path ISSUBSET
 * 'cidr'` where the path is an IP address. Ignored: comparisons with NOT, `!=`, order
 * operators, LIKE, MATCHES, ISSUPERSET, EXISTS, non-string constants, unsupported paths.
 * Results keep pattern order, one per key.
 */
import { normaliseObservable, ObservableError, type Observable } from '../observable/index.js'
import type { Comparison, ComparisonExpression, ObservationExpression, Pattern, StringConstant } from './ast.js'
import { addressType, isIpTarget, targetOf, type Target } from './targets.js'

export interface ExtractOptions {
  /**
   * What to do with a constant on a supported path that is not a valid value of its
   * type (`ipv4-addr:value = '999.1.1.1'`): `throw` (default) a `PatternObservableError`,
   * or `skip` it.
   */
  readonly invalid?: 'throw' | 'skip'
}

/** A constant on a supported path is not a valid observable value. */
export class PatternObservableError extends Error {
  override readonly name = 'PatternObservableError'
  /** 0-based offset of the constant in the pattern source. */
  readonly offset: number
  override readonly cause: ObservableError

  constructor(offset: number, cause: ObservableError) {
    super(`pattern: at offset ${offset}: ${cause.message}`)
    this.offset = offset
    this.cause = cause
  }
}

export function extractObservables(p: Pattern, options: ExtractOptions = {}): Observable[] {
  const found = new Map<string, Observable>()
  for (const comparison of comparisons(p)) {
    for (const { target, constant } of candidates(comparison)) {
      const observable = normalise(target, constant, options.invalid ?? 'throw')
      if (observable !== undefined && !found.has(observable.key)) found.set(observable.key, observable)
    }
  }
  return [...found.values()]
}

/** Every `comparison` node of the pattern, in source order. */
export function* comparisons(p: Pattern): Generator<Comparison> {
  yield* observationComparisons(p)
}

function* observationComparisons(e: ObservationExpression): Generator<Comparison> {
  switch (e.kind) {
    case 'observation':
      yield* comparisonLeaves(e.comparison)
      return
    case 'observation-and':
    case 'observation-or':
      for (const o of e.operands) yield* observationComparisons(o)
      return
    case 'followedby':
      yield* observationComparisons(e.left)
      yield* observationComparisons(e.right)
      return
    case 'qualified':
      yield* observationComparisons(e.operand)
  }
}

function* comparisonLeaves(e: ComparisonExpression): Generator<Comparison> {
  if (e.kind === 'comparison') yield e
  else if (e.kind === 'comparison-and' || e.kind === 'comparison-or') {
    for (const o of e.operands) yield* comparisonLeaves(o)
  }
}

interface Candidate {
  readonly target: Target
  readonly constant: StringConstant
}

function candidates(c: Comparison): Candidate[] {
  if (c.negated) return []
  const target = targetOf(c.path)
  if (target === undefined) return []
  const v = c.value
  if (c.operator === '=' && v.kind === 'string') return [{ target, constant: v }]
  if (c.operator === 'IN' && v.kind === 'set') {
    return v.values.filter((m): m is StringConstant => m.kind === 'string').map((constant) => ({ target, constant }))
  }
  if (c.operator === 'ISSUBSET' && v.kind === 'string' && isIpTarget(target, v.value)) {
    return [{ target, constant: v }]
  }
  return []
}

/**
 * Normalises one constant. An unsupported (type, property), such as a hash name the
 * observable module refuses, is ignored like any unsupported path.
 */
function normalise(target: Target, constant: StringConstant, invalid: 'throw' | 'skip'): Observable | undefined {
  const type = target.type === 'address' ? addressType(constant.value) : target.type
  try {
    return normaliseObservable(type, target.property, constant.value)
  } catch (e) {
    if (!(e instanceof ObservableError)) throw e
    if (e.code === 'unsupported-type' || e.code === 'unsupported-property') return undefined
    if (invalid === 'skip') return undefined
    throw new PatternObservableError(constant.offset, e)
  }
}

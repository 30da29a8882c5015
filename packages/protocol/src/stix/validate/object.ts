/** validateObject: every STIX 2.1 MUST this package knows, for one object, all issues at once. */
import { categoryOf } from './categories.js'
import { type CommonMode, checkCommon, checkTypeAndId } from './common.js'
import { checkExtensions } from './extensions.js'
import { compareStixTimestamps as compareTimestamps, isStixTimestamp as isTimestamp } from '../timestamp.js'
import { DEFAULT_LIMITS, IssueCollector, type ValidateOptions, type ValidationIssue, describeType, isPlainObject } from './issue.js'
import { checkLimits, resolveLimits } from './limits.js'
import { checkGenericRefs } from './refs.js'
import type { TypeRule } from './rule.js'
import { SCO_RULES } from './sco-rules.js'
import { SDO_RULES } from './sdo-rules.js'
import { META_RULES, SRO_RULES } from './sro-meta-rules.js'
import { checkProps, checkRequired } from './values.js'

export function ruleFor(type: string): TypeRule | undefined {
  return SDO_RULES[type] ?? SRO_RULES[type] ?? SCO_RULES[type] ?? META_RULES[type]
}

function modeFor(type: unknown, obj: Record<string, unknown>, rule: TypeRule | undefined): CommonMode {
  if (type === 'marking-definition') return { versioned: false, specVersionRequired: true, createdOnly: true }
  if (rule) {
    const sco = rule.category === 'sco'
    return { versioned: !sco, specVersionRequired: !sco, createdOnly: false }
  }
  // A custom type is SDO-like when it carries created/modified (OASIS bundle.json: core or
  // cyber-observable-core), else SCO-like.
  const sdoLike = 'created' in obj || 'modified' in obj
  return { versioned: sdoLike, specVersionRequired: sdoLike, createdOnly: false }
}

function checkOrders(obj: Record<string, unknown>, rule: TypeRule, out: IssueCollector): void {
  const orders = rule.orders
  if (!orders) return
  for (const [earlier, later, strict] of orders) {
    const a = obj[earlier]
    const b = obj[later]
    if (!isTimestamp(a) || !isTimestamp(b)) continue
    const c = compareTimestamps(b, a)
    if (c < 0 || (strict && c === 0)) {
      out.add(later, 'timestamp-order', `${later} '${b}' must be ${strict ? 'later than' : 'the same as or later than'} ${earlier} '${a}'`)
    }
  }
}

function hasAnyOf(obj: Record<string, unknown>, names: readonly string[]): boolean {
  for (const name of names) if (name in obj) return true
  return false
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length < 2) return issues
  const seen = new Set<string>()
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.rule}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Validates one STIX 2.1 object. Returns every issue found (empty when valid). Unknown and
 * custom (`x-…`) types pass when their common properties are valid. `index` is the object's
 * position in a bundle, copied into each issue.
 */
export function validateObject(value: unknown, options: ValidateOptions = {}, index?: number): ValidationIssue[] {
  const rec = isPlainObject(value) ? value : undefined
  const id = typeof rec?.id === 'string' ? rec.id.slice(0, 300) : undefined
  const type = typeof rec?.type === 'string' ? rec.type.slice(0, 300) : undefined
  const out = new IssueCollector(id, type, index)
  if (!rec) {
    out.add('', 'not-an-object', `a STIX object must be a JSON object, got ${describeType(value)}`)
    return out.issues
  }
  if (!checkLimits(rec, options.limits ? resolveLimits(options.limits) : DEFAULT_LIMITS, out)) return out.issues

  checkTypeAndId(rec, out)
  const category = type === undefined ? 'custom' : categoryOf(type)
  if (category === 'bundle') {
    out.add('type', 'nested-bundle', 'a bundle is not a STIX object and cannot appear here')
    return out.issues
  }
  const rule = type === undefined ? undefined : ruleFor(type)
  checkCommon(rec, modeFor(type, rec, rule), out)
  if (rule) {
    checkRequired(rec, rule.required, '', out)
    checkProps(rec, rule.props, '', out)
    checkOrders(rec, rule, out)
    if (rule.anyOf && !hasAnyOf(rec, rule.anyOf)) {
      out.add('', 'required-one-of', `a ${type} needs at least one of ${rule.anyOf.join(', ')}`)
    }
    rule.check?.(rec, out, options)
  }
  if ('extensions' in rec) checkExtensions(rec, rule?.extensions ?? {}, out)

  // Generic *_ref/*_refs walk, reported only where the typed checks said nothing.
  const generic = new IssueCollector(id, type, index)
  checkGenericRefs(rec, '', generic)
  if (generic.issues.length > 0) {
    const reported = new Set(out.issues.map((i) => i.path))
    out.issues.push(...generic.issues.filter((i) => !reported.has(i.path)))
  }
  return dedupe(out.issues)
}

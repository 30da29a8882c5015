/** The shape of one per-type rule table entry. */
import type { StixCategory } from './categories.js'
import type { IssueCollector, ValidateOptions } from './issue.js'
import type { PropSpec } from './values.js'

/** [earlier, later, strict]: `later` MUST be after (strict) or not before `earlier`. */
export type TimeOrder = readonly [earlier: string, later: string, strict: boolean]

export interface TypeRule {
  category: Exclude<StixCategory, 'bundle' | 'custom'>
  required: readonly string[]
  props: Readonly<Record<string, PropSpec>>
  orders?: readonly TimeOrder[]
  /** At least one of these properties MUST be present (schema anyOf). */
  anyOf?: readonly string[]
  /** Names of the predefined extensions this type may carry (STIX 2.1 §6). */
  extensions?: Readonly<Record<string, PropSpec>>
  /** Cross-property rules that a table cannot express. */
  check?: (obj: Record<string, unknown>, out: IssueCollector, options: ValidateOptions) => void
}

export type RuleTable = Readonly<Record<string, TypeRule>>

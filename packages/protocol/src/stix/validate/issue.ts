/** Validation result types and the collector every rule reports into. */

export interface ValidationIssue {
  /** The object's `id`, when it has a string one. */
  objectId?: string
  /** The object's `type`, when it has a string one. */
  objectType?: string
  /** Position of the object in a bundle's `objects` array. */
  index?: number
  /** Where in the object: `valid_until`, `external_references[0].source_name`; '' for the object itself. */
  path: string
  /** Stable kebab-case rule id, e.g. `timestamp-order`, `required-property`, `ref-type`. */
  rule: string
  /** Human-readable: names the object, the property and the rule. */
  message: string
}

/** Size limits against hostile input (DESIGN.md invariant 7). */
export interface ValidationLimits {
  /** Deepest nesting of arrays/objects inside one STIX object. */
  maxDepth: number
  /** Longest string value or property name, in UTF-16 code units. */
  maxStringLength: number
  /** Most properties in any one JSON object. */
  maxProperties: number
  /** Most elements in any one array. */
  maxArrayLength: number
  /** Most JSON values (objects, arrays, scalars) in one STIX object. */
  maxNodes: number
}

export const DEFAULT_LIMITS: Readonly<ValidationLimits> = Object.freeze({
  maxDepth: 32,
  maxStringLength: 1024 * 1024,
  maxProperties: 1000,
  maxArrayLength: 100_000,
  maxNodes: 500_000,
})

export interface ValidateOptions {
  /**
   * STIX pattern syntax check for indicators with pattern_type 'stix': returns an error
   * message, or undefined when the pattern is valid. Reported as rule `pattern-syntax`.
   */
  checkPattern?: (pattern: string, patternType: string) => string | undefined
  limits?: Partial<ValidationLimits>
}

/** Collects issues for one object, filling in its id, type and bundle index. */
export class IssueCollector {
  readonly issues: ValidationIssue[] = []
  constructor(
    readonly objectId: string | undefined,
    readonly objectType: string | undefined,
    readonly index: number | undefined,
  ) {}

  get label(): string {
    const type = this.objectType ?? 'object'
    const where = this.index === undefined ? '' : ` at objects[${this.index}]`
    return this.objectId === undefined ? `${type} (no id)${where}` : `${type} ${this.objectId}${where}`
  }

  add(path: string, rule: string, detail: string): void {
    const prop = path === '' ? '' : ` property '${path}'`
    const issue: ValidationIssue = {
      path,
      rule,
      message: `${this.label}${prop}: ${detail} [${rule}]`,
    }
    if (this.objectId !== undefined) issue.objectId = this.objectId
    if (this.objectType !== undefined) issue.objectType = this.objectType
    if (this.index !== undefined) issue.index = this.index
    this.issues.push(issue)
  }
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  return base === '' ? key : `${base}.${key}`
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function describeType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'object') return 'an object'
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a non-integer number'
  return `a ${typeof value}`
}

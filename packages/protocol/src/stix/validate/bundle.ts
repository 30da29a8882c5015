/** validateBundle: the bundle envelope (STIX 2.1 §8) and every object in it. */
import { idType, stixIdProblem } from '../id.js'
import { IssueCollector, type ValidateOptions, type ValidationIssue, describeType, isPlainObject } from './issue.js'
import { validateObject } from './object.js'

export interface ObjectValidation {
  index: number
  id?: string
  type?: string
  issues: ValidationIssue[]
}

export interface BundleValidation {
  /** True when neither the envelope nor any object has an issue. */
  valid: boolean
  /** Issues with the envelope itself (type, id, objects, spec_version). */
  bundleIssues: ValidationIssue[]
  /** One entry per element of `objects`, in order. */
  objects: ObjectValidation[]
  /** Envelope and object issues together, envelope first. */
  issues: ValidationIssue[]
  validObjects: number
  invalidObjects: number
}

/** Most objects one bundle may carry (DESIGN.md invariant 7: parsers have size limits). */
export const MAX_BUNDLE_OBJECTS = 100_000

export function validateBundle(bundle: unknown, options: ValidateOptions = {}): BundleValidation {
  const rec = isPlainObject(bundle) ? bundle : undefined
  const out = new IssueCollector(typeof rec?.id === 'string' ? rec.id.slice(0, 300) : undefined, 'bundle', undefined)
  const result = (objects: ObjectValidation[]): BundleValidation => {
    const objectIssues = objects.flatMap((o) => o.issues)
    const invalid = objects.filter((o) => o.issues.length > 0).length
    return {
      valid: out.issues.length === 0 && invalid === 0,
      bundleIssues: out.issues,
      objects,
      issues: [...out.issues, ...objectIssues],
      validObjects: objects.length - invalid,
      invalidObjects: invalid,
    }
  }
  if (!rec) {
    out.add('', 'not-an-object', `a bundle must be a JSON object, got ${describeType(bundle)}`)
    return result([])
  }
  if (rec.type !== 'bundle') {
    out.add('type', rec.type === undefined ? 'required-property' : 'bundle-type', `type must be 'bundle', got ${typeof rec.type === 'string' ? `'${rec.type.slice(0, 100)}'` : describeType(rec.type)}`)
  }
  if (rec.id === undefined) out.add('id', 'required-property', "required property 'id' is missing")
  else if (typeof rec.id !== 'string') out.add('id', 'property-type', `must be an identifier string, got ${describeType(rec.id)}`)
  else {
    const problem = stixIdProblem(rec.id)
    if (problem) out.add('id', 'id-format', `identifier '${rec.id.slice(0, 300)}' ${problem}`)
    else if (idType(rec.id) !== 'bundle') out.add('id', 'id-type-mismatch', `a bundle id must start with 'bundle--', got '${idType(rec.id)}--'`)
  }
  // STIX 2.1 §8 removed spec_version from the bundle; only 2.0 bundles carry it.
  if ('spec_version' in rec) {
    out.add('spec_version', 'bundle-spec-version', 'a STIX 2.1 bundle has no spec_version (this is a STIX 2.0 bundle): upgrade it to 2.1 first')
  }
  const objects = rec.objects
  if (objects === undefined) return result([])
  if (!Array.isArray(objects)) {
    out.add('objects', 'property-type', `must be a list of STIX objects, got ${describeType(objects)}`)
    return result([])
  }
  if (objects.length === 0) out.add('objects', 'empty-list', 'a list must not be empty')
  if (objects.length > MAX_BUNDLE_OBJECTS) {
    out.add('objects', 'limit-array-length', `${objects.length} objects exceed the limit of ${MAX_BUNDLE_OBJECTS}`)
    return result([])
  }
  return result(objects.map((o, index) => {
    const issues = validateObject(o, options, index)
    const entry: ObjectValidation = { index, issues }
    if (isPlainObject(o) && typeof o.id === 'string') entry.id = o.id
    if (isPlainObject(o) && typeof o.type === 'string') entry.type = o.type
    return entry
  }))
}

/** Data markings: granular markings (STIX 2.1 §7.2.3) and marking-definition content (§7.2.1). */
import { refTo } from './categories.js'
import { type IssueCollector, describeType, isPlainObject, joinPath } from './issue.js'
import { checkRef, checkValue } from './values.js'

/** OASIS schema common/granular-marking.json selector syntax (`a.b.[0].c`). */
const SELECTOR_RE = /^(?:[a-z0-9_-]{3,249}(?:\.(?:\[\d+\]|[a-z0-9_-]{1,250}))*|id)$/

/** True when the selector names a property or list item present in `obj` (§7.2.3.1). */
function selectorResolves(obj: Record<string, unknown>, selector: string): boolean {
  let cur: unknown = obj
  for (const step of selector.split('.')) {
    const index = /^\[(\d+)\]$/.exec(step)
    if (index) {
      if (!Array.isArray(cur)) return false
      cur = cur[Number(index[1])]
    } else {
      if (!isPlainObject(cur) || !Object.hasOwn(cur, step)) return false
      cur = cur[step]
    }
    if (cur === undefined) return false
  }
  return true
}

export function checkGranularMarkings(obj: Record<string, unknown>, out: IssueCollector): void {
  const list = obj.granular_markings
  if (!Array.isArray(list)) {
    out.add('granular_markings', 'property-type', `must be a list, got ${describeType(list)}`)
    return
  }
  list.forEach((gm, i) => {
    const at = joinPath('granular_markings', i)
    if (!isPlainObject(gm)) return out.add(at, 'property-type', `must be an object, got ${describeType(gm)}`)
    const hasRef = 'marking_ref' in gm
    const hasLang = 'lang' in gm
    if (hasRef === hasLang) {
      out.add(at, 'granular-marking', 'must have exactly one of marking_ref or lang')
    }
    if (hasRef) checkRef(gm.marking_ref, refTo('marking-definition'), joinPath(at, 'marking_ref'), out)
    if (hasLang) checkValue(gm.lang, { kind: 'string' }, joinPath(at, 'lang'), out)
    const selectors = gm.selectors
    const sAt = joinPath(at, 'selectors')
    if (selectors === undefined) return out.add(sAt, 'required-property', "required property 'selectors' is missing")
    if (!Array.isArray(selectors)) return out.add(sAt, 'property-type', `must be a list, got ${describeType(selectors)}`)
    if (selectors.length === 0) out.add(sAt, 'empty-list', 'a list must not be empty')
    selectors.forEach((s, j) => {
      const at2 = joinPath(sAt, j)
      if (typeof s !== 'string') return out.add(at2, 'property-type', `must be a string, got ${describeType(s)}`)
      if (!SELECTOR_RE.test(s)) return out.add(at2, 'selector-syntax', `'${s.slice(0, 200)}' is not a valid selector`)
      if (!selectorResolves(obj, s)) out.add(at2, 'selector-target', `selector '${s.slice(0, 200)}' does not refer to a property present in the object`)
    })
  })
}

/** The four TLP 1.0 marking definitions STIX 2.1 §7.2.1.4 fixes verbatim. */
const TLP1: Readonly<Record<string, { name: string; tlp: string }>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': { name: 'TLP:WHITE', tlp: 'white' },
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': { name: 'TLP:GREEN', tlp: 'green' },
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': { name: 'TLP:AMBER', tlp: 'amber' },
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': { name: 'TLP:RED', tlp: 'red' },
}
const TLP1_CREATED = '2017-01-20T00:00:00.000Z'

/** §7.2.1: definition_type + definition unless an extension defines the marking. */
export function checkMarkingDefinition(obj: Record<string, unknown>, out: IssueCollector): void {
  const hasType = 'definition_type' in obj
  const hasDef = 'definition' in obj
  if (!('extensions' in obj)) {
    if (!hasType) out.add('definition_type', 'required-property', "required property 'definition_type' is missing (no extensions define the marking)")
    if (!hasDef) out.add('definition', 'required-property', "required property 'definition' is missing (no extensions define the marking)")
  } else if (hasType !== hasDef) {
    out.add(hasType ? 'definition' : 'definition_type', 'marking-definition', 'definition_type and definition must be given together')
  }
  if (hasType && typeof obj.definition_type !== 'string') {
    out.add('definition_type', 'property-type', `must be a string, got ${describeType(obj.definition_type)}`)
  }
  if (hasDef && !isPlainObject(obj.definition)) {
    return out.add('definition', 'property-type', `must be an object, got ${describeType(obj.definition)}`)
  }
  const def = obj.definition as Record<string, unknown> | undefined
  if (obj.definition_type === 'statement' && def && typeof def.statement !== 'string') {
    out.add('definition.statement', 'marking-definition', "a 'statement' marking needs definition.statement as a string")
  }
  if (obj.definition_type === 'tlp') {
    const fixed = typeof obj.id === 'string' ? TLP1[obj.id] : undefined
    if (!fixed) {
      out.add('id', 'tlp-marking', 'a tlp marking-definition must use one of the four predefined TLP 1.0 ids')
    } else if (obj.name !== fixed.name || def?.tlp !== fixed.tlp || obj.created !== TLP1_CREATED) {
      out.add('definition', 'tlp-marking', `does not match the predefined ${fixed.name} marking (name '${fixed.name}', definition.tlp '${fixed.tlp}', created '${TLP1_CREATED}')`)
    }
  }
}

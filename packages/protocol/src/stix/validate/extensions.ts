/**
 * The `extensions` property (STIX 2.1 §7.3, §6 predefined SCO extensions). Keys are either an
 * `extension-definition--<uuid>` identifier or one of the extension names STIX 2.1 predefines
 * for the object's type. Entries keyed by an extension-definition carry `extension_type`.
 */
import { stixIdProblem } from '../id.js'
import { type IssueCollector, describeType, isPlainObject, joinPath } from './issue.js'
import { type PropSpec, checkValue } from './values.js'

export const EXTENSION_TYPES = [
  'new-sdo', 'new-sco', 'new-sro', 'property-extension', 'toplevel-property-extension',
] as const

/** §11.1 applies to properties added by a property-extension as well. */
const EXT_PROPERTY_NAME_RE = /^[a-z0-9_]{3,250}$/

export function checkExtensions(
  obj: Record<string, unknown>,
  predefined: Readonly<Record<string, PropSpec>>,
  out: IssueCollector,
): void {
  const ext = obj.extensions
  if (!isPlainObject(ext)) return out.add('extensions', 'property-type', `must be an object, got ${describeType(ext)}`)
  const keys = Object.keys(ext)
  if (keys.length === 0) out.add('extensions', 'empty-dictionary', 'extensions must have at least one entry')
  for (const key of keys) {
    const at = joinPath('extensions', key)
    const entry = ext[key]
    if (key.startsWith('extension-definition--')) {
      const problem = stixIdProblem(key)
      if (problem) {
        out.add(at, 'extension-key', `extension key '${key}' ${problem}`)
        continue
      }
      checkDefinedExtension(entry, at, out)
      continue
    }
    const spec = predefined[key]
    if (!spec) {
      const known = Object.keys(predefined)
      const hint = known.length > 0 ? `one of ${known.join(', ')} or ` : ''
      out.add(at, 'extension-key', `extension key '${key.slice(0, 200)}' must be ${hint}an extension-definition identifier`)
      continue
    }
    if (isPlainObject(entry) && Object.keys(entry).length === 0) out.add(at, 'empty-dictionary', 'an extension must not be empty')
    checkValue(entry, spec, at, out)
  }
}

function checkDefinedExtension(entry: unknown, at: string, out: IssueCollector): void {
  if (!isPlainObject(entry)) return out.add(at, 'property-type', `an extension must be an object, got ${describeType(entry)}`)
  const type = entry.extension_type
  if (type === undefined) {
    out.add(joinPath(at, 'extension_type'), 'required-property', "required property 'extension_type' is missing")
  } else if (typeof type !== 'string' || !(EXTENSION_TYPES as readonly string[]).includes(type)) {
    out.add(joinPath(at, 'extension_type'), 'enum-value', `must be one of ${EXTENSION_TYPES.join(', ')}`)
  }
  for (const [name, value] of Object.entries(entry)) {
    if (name === 'extension_type') continue
    // §7.3: a toplevel-property-extension puts its properties on the object itself.
    if (type === 'toplevel-property-extension') {
      out.add(joinPath(at, name), 'extension-shape', 'a toplevel-property-extension entry holds only extension_type; its properties belong at the top level')
      continue
    }
    if (!EXT_PROPERTY_NAME_RE.test(name)) {
      out.add(joinPath(at, name), 'property-name', 'extension property names must be 3-250 characters of a-z, 0-9 and _')
    }
    if (Array.isArray(value) && value.length === 0) out.add(joinPath(at, name), 'empty-list', 'a list must not be empty')
  }
}

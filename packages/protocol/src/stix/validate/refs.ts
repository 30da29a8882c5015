/**
 * STIX 2.1 §2.9: every property whose name ends in `_ref` holds an identifier and every
 * property ending in `_refs` a list of them, wherever it appears (top level, extensions, nested
 * types such as email MIME parts). Type-specific targets are checked by the rule tables; this
 * walk catches custom and nested references the tables do not name.
 */
import { ANY_REF } from './categories.js'
import { type IssueCollector, isPlainObject, joinPath } from './issue.js'
import { checkRef } from './values.js'

/** Dictionary-valued properties whose keys are data, not property names. */
const DICTIONARY_PROPS: ReadonlySet<string> = new Set([
  'hashes', 'additional_header_fields', 'environment_variables', 'ipfix', 'request_header', 'document_info_dict',
  'exif_tags', 'options', 'startup_info', 'contents', 'definition', 'objects', 'x509_v3_extensions',
])

export function checkGenericRefs(value: Record<string, unknown>, path: string, out: IssueCollector): void {
  for (const [key, item] of Object.entries(value)) {
    const at = joinPath(path, key)
    if (key.endsWith('_refs')) {
      if (!Array.isArray(item)) out.add(at, 'property-type', 'a _refs property must be a list of identifiers')
      else item.forEach((r, i) => checkRef(r, ANY_REF, joinPath(at, i), out))
      continue
    }
    if (key.endsWith('_ref')) {
      checkRef(item, ANY_REF, at, out)
      continue
    }
    if (DICTIONARY_PROPS.has(key)) continue
    if (isPlainObject(item)) checkGenericRefs(item, at, out)
    else if (Array.isArray(item)) {
      item.forEach((el, i) => { if (isPlainObject(el)) checkGenericRefs(el, joinPath(at, i), out) })
    }
  }
}

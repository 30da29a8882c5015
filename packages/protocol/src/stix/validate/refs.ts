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
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (key.endsWith('_refs')) {
      const at = joinPath(path, key)
      if (!Array.isArray(item)) out.add(at, 'property-type', 'a _refs property must be a list of identifiers')
      else for (let i = 0; i < item.length; i++) if (i in item) checkRef(item[i], ANY_REF, joinPath(at, i), out)
      continue
    }
    if (key.endsWith('_ref')) {
      checkRef(item, ANY_REF, joinPath(path, key), out)
      continue
    }
    // Scalars hold no references: skip them before the set lookup and path building.
    if (typeof item !== 'object' || item === null || DICTIONARY_PROPS.has(key)) continue
    const at = joinPath(path, key)
    if (!Array.isArray(item)) checkGenericRefs(item as Record<string, unknown>, at, out)
    else {
      for (let i = 0; i < item.length; i++) {
        const el: unknown = item[i]
        if (isPlainObject(el)) checkGenericRefs(el, joinPath(at, i), out)
      }
    }
  }
}

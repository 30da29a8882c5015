/** STIX 2.1 §5 Relationship Objects and §7 Meta Objects. */
import { EXTENSION_TYPES } from './extensions.js'
import { LANGUAGE_CONTENT_TARGET, SDO_OR_SCO_REF, SDO_REF, refTo } from './categories.js'
import type { IssueCollector } from './issue.js'
import { checkMarkingDefinition } from './markings.js'
import type { RuleTable } from './rule.js'
import { bool, intRange, ref, refs, str, strList, ts } from './values.js'

/** §5.1: relationship_type is a–z, 0–9 and hyphen. */
const RELATIONSHIP_TYPE_RE = /^[a-z0-9-]+$/

function checkRelationship(obj: Record<string, unknown>, out: IssueCollector): void {
  const t = obj.relationship_type
  if (typeof t === 'string' && !RELATIONSHIP_TYPE_RE.test(t)) {
    out.add('relationship_type', 'value-format', `'${t.slice(0, 100)}' may only contain a-z, 0-9 and hyphen`)
  }
}

function checkExtensionDefinition(obj: Record<string, unknown>, out: IssueCollector): void {
  const types = obj.extension_types
  // §7.3: extension_properties only describes toplevel-property-extension properties.
  if ('extension_properties' in obj && !(Array.isArray(types) && types.includes('toplevel-property-extension'))) {
    out.add('extension_properties', 'property-dependency', "is only allowed when extension_types includes 'toplevel-property-extension'")
  }
}

export const SRO_RULES: RuleTable = {
  relationship: {
    category: 'sro', required: ['relationship_type', 'source_ref', 'target_ref'],
    props: {
      relationship_type: str, description: str, source_ref: ref(SDO_OR_SCO_REF), target_ref: ref(SDO_OR_SCO_REF),
      start_time: ts, stop_time: ts,
    },
    // §5.1: stop_time MUST be later than start_time.
    orders: [['start_time', 'stop_time', true]],
    check: checkRelationship,
  },
  sighting: {
    category: 'sro', required: ['sighting_of_ref'],
    props: {
      description: str, first_seen: ts, last_seen: ts, count: intRange(0, 999_999_999), sighting_of_ref: ref(SDO_REF),
      observed_data_refs: refs(refTo('observed-data')), where_sighted_refs: refs(refTo('identity', 'location')), summary: bool,
    },
    orders: [['first_seen', 'last_seen', false]],
  },
}

export const META_RULES: RuleTable = {
  'marking-definition': {
    category: 'meta', required: [],
    props: { name: str, definition_type: str },
    check: (obj, out) => checkMarkingDefinition(obj, out),
  },
  'extension-definition': {
    category: 'meta', required: ['created_by_ref', 'name', 'schema', 'version', 'extension_types'],
    props: {
      name: str, description: str, schema: str, version: str,
      extension_types: { kind: 'list', of: { kind: 'enum', values: EXTENSION_TYPES } }, extension_properties: strList,
    },
    check: checkExtensionDefinition,
  },
  'language-content': {
    category: 'meta', required: ['object_ref', 'contents'],
    // §7.1: contents maps language tags to objects of translated properties.
    props: { object_ref: ref(LANGUAGE_CONTENT_TARGET), object_modified: ts, contents: { kind: 'dictionary', values: { kind: 'object', props: {} } } },
  },
}

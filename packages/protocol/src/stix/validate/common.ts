/**
 * Common properties (STIX 2.1 §3.1–3.2 for SDOs/SROs, §6.1 for SCOs, §7 for meta objects),
 * custom property rules (§11.1) and reserved names.
 */
import { idType, typeNameProblem } from '../id.js'
import { refTo } from './categories.js'
import { idProblem } from './fast-id.js'
import { compareStixTimestamps as compareTimestamps, isStixTimestamp as isTimestamp } from '../timestamp.js'
import { type IssueCollector, describeType, joinPath } from './issue.js'
import { checkGranularMarkings } from './markings.js'
import { type PropSpec, bool, checkProps, checkRequired, checkValue, intRange, refs, ref, str, strList } from './values.js'

/** How an object's common properties are validated. */
export interface CommonMode {
  /** `created` and `modified` are required with millisecond precision (SDO/SRO-like). */
  versioned: boolean
  /** `spec_version` is required (everything but SCOs). */
  specVersionRequired: boolean
  /** Marking definitions: `created` required at any precision, no `modified`. */
  createdOnly: boolean
}

/** STIX 2.1 reserved names (OASIS schema common/core.json `not`). */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set(['severity', 'action', 'username', 'phone_numbers'])
export const RESERVED_TYPES: ReadonlySet<string> = new Set(['action'])

/** §11.1: a–z, 0–9 and _ only, 3–250 characters; `id` is the one shorter defined name. */
const PROPERTY_NAME_RE = /^[a-z0-9_]{3,250}$/
const LANG_TAG_RE = /^[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*$/
const CVE_RE = /^CVE-\d{4}-(?:0\d{3}|[1-9]\d{3,})$/
const CAPEC_RE = /^CAPEC-\d+$/

const externalReference: PropSpec = {
  kind: 'object',
  required: ['source_name'],
  props: { source_name: str, description: str, url: str, external_id: str, hashes: { kind: 'hashes' } },
}

const COMMON_PROPS: Readonly<Record<string, PropSpec>> = {
  created_by_ref: ref(refTo('identity')),
  revoked: bool,
  labels: strList,
  confidence: intRange(0, 100),
  lang: str,
  external_references: { kind: 'list', of: externalReference },
  object_marking_refs: refs(refTo('marking-definition')),
  defanged: bool,
}

export function checkTypeAndId(obj: Record<string, unknown>, out: IssueCollector): void {
  const type = obj.type
  if (typeof type !== 'string') {
    if (type === undefined) out.add('type', 'required-property', "required property 'type' is missing")
    else out.add('type', 'property-type', `must be a string, got ${describeType(type)}`)
  } else {
    const problem = typeNameProblem(type)
    if (problem) out.add('type', 'type-name', `type name '${type.slice(0, 300)}' ${problem}`)
    if (RESERVED_TYPES.has(type)) out.add('type', 'reserved-name', `type name '${type}' is reserved by STIX 2.1`)
  }
  const id = obj.id
  if (typeof id !== 'string') {
    if (id === undefined) out.add('id', 'required-property', "required property 'id' is missing")
    else out.add('id', 'property-type', `must be an identifier string, got ${describeType(id)}`)
    return
  }
  const problem = idProblem(id)
  if (problem) out.add('id', 'id-format', `identifier '${id.slice(0, 300)}' ${problem}`)
  else if (typeof type === 'string' && idType(id) !== type) {
    out.add('id', 'id-type-mismatch', `identifier prefix '${idType(id)}' does not match type '${type}'`)
  }
}

function checkSpecVersion(obj: Record<string, unknown>, mode: CommonMode, out: IssueCollector): void {
  const v = obj.spec_version
  if (v === undefined) {
    if (mode.specVersionRequired) out.add('spec_version', 'required-property', "required property 'spec_version' is missing")
    return
  }
  if (v === '2.1') return
  if (v === '2.0') out.add('spec_version', 'spec-version', "is '2.0': upgrade the object to STIX 2.1 before validating it")
  else out.add('spec_version', 'spec-version', `must be '2.1', got ${typeof v === 'string' ? `'${v.slice(0, 40)}'` : describeType(v)}`)
}

const MILLIS: PropSpec = { kind: 'timestamp', precision: 'millis' }
const CREATED_MODIFIED: readonly string[] = ['created', 'modified']
const BINARY: PropSpec = { kind: 'binary' }
const HEX: PropSpec = { kind: 'hex' }

function checkCreatedModified(obj: Record<string, unknown>, mode: CommonMode, out: IssueCollector): void {
  if (mode.createdOnly) {
    checkRequired(obj, ['created'], '', out)
    if ('created' in obj) checkValue(obj.created, { kind: 'timestamp' }, 'created', out)
    return
  }
  if (mode.versioned) checkRequired(obj, CREATED_MODIFIED, '', out)
  if ('created' in obj) checkValue(obj.created, MILLIS, 'created', out)
  if ('modified' in obj) checkValue(obj.modified, MILLIS, 'modified', out)
  if (isTimestamp(obj.created) && isTimestamp(obj.modified) && compareTimestamps(obj.modified, obj.created) < 0) {
    out.add('modified', 'timestamp-order', `modified '${obj.modified}' is earlier than created '${obj.created}'`)
  }
}

function checkExternalReferences(obj: Record<string, unknown>, out: IssueCollector): void {
  const list = obj.external_references
  if (!Array.isArray(list)) return
  list.forEach((er, i) => {
    if (typeof er !== 'object' || er === null || Array.isArray(er)) return
    const r = er as Record<string, unknown>
    const at = joinPath('external_references', i)
    // §2.5: besides source_name, at least one of description, url, external_id.
    if (!('description' in r) && !('url' in r) && !('external_id' in r)) {
      out.add(at, 'external-reference-content', 'needs at least one of description, url or external_id besides source_name')
    }
    const id = r.external_id
    if (r.source_name === 'cve' && (typeof id !== 'string' || !CVE_RE.test(id))) {
      out.add(joinPath(at, 'external_id'), 'external-id-format', "with source_name 'cve' must be a CVE id like CVE-2024-1234")
    }
    if (r.source_name === 'capec' && (typeof id !== 'string' || !CAPEC_RE.test(id))) {
      out.add(joinPath(at, 'external_id'), 'external-id-format', "with source_name 'capec' must be a CAPEC id like CAPEC-123")
    }
  })
}

/** §11.1 property names, reserved names, non-empty lists and `_bin`/`_hex` encodings. */
function checkPropertyNames(obj: Record<string, unknown>, out: IssueCollector): void {
  for (const key of Object.keys(obj)) {
    const value = obj[key]
    if (key !== 'id' && !PROPERTY_NAME_RE.test(key)) {
      out.add(key, 'property-name', 'property names must be 3-250 characters of a-z, 0-9 and _')
    }
    if (RESERVED_PROPERTIES.has(key)) out.add(key, 'reserved-name', `property name '${key}' is reserved by STIX 2.1`)
    if (Array.isArray(value) && value.length === 0) out.add(key, 'empty-list', 'a list must not be empty')
    if (key.endsWith('_bin') && key.length > 4) checkValue(value, BINARY, key, out)
    if (key.endsWith('_hex') && key.length > 4) checkValue(value, HEX, key, out)
  }
}

export function checkCommon(obj: Record<string, unknown>, mode: CommonMode, out: IssueCollector): void {
  checkSpecVersion(obj, mode, out)
  checkCreatedModified(obj, mode, out)
  checkProps(obj, COMMON_PROPS, '', out)
  if (typeof obj.lang === 'string' && !LANG_TAG_RE.test(obj.lang)) {
    out.add('lang', 'lang-tag', `'${obj.lang.slice(0, 64)}' is not an RFC 5646 language tag`)
  }
  checkExternalReferences(obj, out)
  if ('granular_markings' in obj) checkGranularMarkings(obj, out)
  checkPropertyNames(obj, out)
}

export { LANG_TAG_RE }

import { type Tlp } from '../tlp/level.js'
import { isTlp1MarkingId, markingIdForTlp, tlpFromMarkingDefinition, tlpFromMarkingId } from '../tlp/map.js'
import { tlpMarkingDefinition } from '../tlp/markings.js'

/**
 * STIX 2.0 → 2.1 upgrade of a bundle, an object, or a list of objects, for tolerant
 * import. Works on plain JSON values and never mutates its input.
 *
 * Only what 2.1 requires or renamed is touched, and nothing is guessed that 2.0 did not
 * say: no ids are invented, no property is removed except the bundle's `spec_version`.
 * Objects that already declare another `spec_version` (e.g. "2.1") are left exactly as
 * they are. The differences come from the STIX 2.1 specification's changes from 2.0
 * and the OASIS 2.1 JSON schemas (stix2-json-schemas/schemas/).
 */

export interface UpgradeResult {
  value: unknown
  /** One human-readable line per change, naming the object (its id, or its position). */
  changes: string[]
}

type Json = Record<string, unknown>

/** STIX 2.1 §6 cyber-observable types. 2.0 never had them at top level, so a top-level one is 2.1 already. */
const SCO_TYPES: ReadonlySet<string> = new Set([
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message',
  'file', 'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process',
  'software', 'url', 'user-account', 'windows-registry-key', 'x509-certificate',
])

/** 2.0 put these types' open vocabulary in `labels`; 2.1 moved it to `<type>_types`. */
const LABELS_TO_TYPES: Readonly<Record<string, string>> = {
  indicator: 'indicator_types',
  malware: 'malware_types',
  report: 'report_types',
  'threat-actor': 'threat_actor_types',
  tool: 'tool_types',
}

/**
 * 2.1 makes `is_family` required on malware. A 2.0 malware object is a named piece of
 * malware as a whole (e.g. "Poison Ivy"), i.e. a family; MITRE's ATT&CK, moving its
 * 2.0 malware objects to 2.1, set `is_family: true` on every one of them.
 */
const DEFAULT_IS_FAMILY = true

/** 2.1 §3.2: `created`/`modified` are precise to the millisecond; 2.0 allowed less. */
const COARSE_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,2}))?Z$/

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A deep copy of JSON data. Object.fromEntries keeps a `__proto__` key as plain data. */
function cloneJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cloneJson)
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneJson(v)]))
  return value
}

function needsUpgrade(obj: Json): boolean {
  if (typeof obj.type !== 'string' || obj.type === 'bundle') return false
  if (obj.spec_version === '2.0') return true
  return obj.spec_version === undefined && !SCO_TYPES.has(obj.type)
}

interface Context {
  changes: string[]
  /** Level of each TLP 1.0 marking id, as the input's own definitions state it. */
  tlp1Levels: Map<string, Tlp>
}

export function upgradeToStix21(input: unknown): UpgradeResult {
  const value = cloneJson(input)
  const changes: string[] = []
  if (Array.isArray(value)) return { value: upgradeList(value, 'objects', changes), changes }
  if (!isRecord(value)) return { value, changes }
  if (value.type === 'bundle') {
    const name = typeof value.id === 'string' ? value.id : 'bundle'
    if ('spec_version' in value) {
      changes.push(`${name}: removed spec_version ${JSON.stringify(value.spec_version)} (a STIX 2.1 bundle has none)`)
      delete value.spec_version
    }
    if (Array.isArray(value.objects)) value.objects = upgradeList(value.objects, 'objects', changes)
    return { value, changes }
  }
  return { value: upgradeList([value], 'input', changes)[0], changes }
}

function upgradeList(items: unknown[], where: string, changes: string[]): unknown[] {
  const ctx: Context = { changes, tlp1Levels: tlp1LevelsOf(items) }
  const markingIds = new Set(items.filter(isRecord).map((o) => o.id))
  const out: unknown[] = []
  items.forEach((item, index) => {
    if (!isRecord(item) || !needsUpgrade(item)) return void out.push(item)
    const name = typeof item.id === 'string' ? item.id : `${String(item.type)} at ${where}[${index}]`
    if (item.type === 'marking-definition' && typeof item.id === 'string' && isTlp1MarkingId(item.id)) {
      const replacement = tlpMarkingDefinition(levelOfTlp1(item.id, ctx))
      if (markingIds.has(replacement.id)) {
        changes.push(`${name}: removed TLP 1.0 marking-definition, ${replacement.id} (${replacement.name}) is already present`)
        return
      }
      markingIds.add(replacement.id)
      changes.push(`${name}: replaced TLP 1.0 marking-definition by TLP 2.0 ${replacement.id} (${replacement.name})`)
      return void out.push(replacement)
    }
    out.push(upgradeObject(item, name, ctx))
  })
  return out
}

/** TLP 1.0 ids whose definition is in the input map to what that definition says (bitsloth-style quirks). */
function tlp1LevelsOf(items: unknown[]): Map<string, Tlp> {
  const levels = new Map<string, Tlp>()
  for (const item of items) {
    if (!isRecord(item) || typeof item.id !== 'string' || !isTlp1MarkingId(item.id)) continue
    const tlp = tlpFromMarkingDefinition(item)
    if (tlp !== undefined) levels.set(item.id.toLowerCase(), tlp)
  }
  return levels
}

function levelOfTlp1(id: string, ctx: Context): Tlp {
  return ctx.tlp1Levels.get(id.toLowerCase()) ?? tlpFromMarkingId(id) ?? 'red'
}

function upgradeObject(original: Json, name: string, ctx: Context): Json {
  const note = (what: string): void => void ctx.changes.push(`${name}: ${what}`)
  const obj = withSpecVersion(original, note)

  for (const key of ['created', 'modified'] as const) {
    const stamp = obj[key]
    const match = typeof stamp === 'string' ? COARSE_TIMESTAMP.exec(stamp) : null
    if (match === null) continue
    obj[key] = `${match[1]}.${(match[2] ?? '').padEnd(3, '0')}Z`
    note(`${key} ${JSON.stringify(stamp)} → ${JSON.stringify(obj[key])} (2.1 requires milliseconds)`)
  }

  upgradeMarkingRefs(obj, note, ctx)

  const typesKey = LABELS_TO_TYPES[obj.type as string]
  if (typesKey !== undefined && obj[typesKey] === undefined && isStringList(obj.labels)) {
    obj[typesKey] = [...obj.labels]
    note(`copied labels to ${typesKey} (2.0 labels held this vocabulary)`)
  }
  if (obj.type === 'indicator' && obj.pattern_type === undefined) {
    // STIX 2.0 indicators could only hold STIX patterns (2.0 §4.5 pattern).
    obj.pattern_type = 'stix'
    note('added pattern_type "stix" (required in 2.1)')
  }
  if (obj.type === 'malware' && obj.is_family === undefined) {
    obj.is_family = DEFAULT_IS_FAMILY
    note(`added is_family ${DEFAULT_IS_FAMILY} (required in 2.1)`)
  }
  if (obj.type === 'identity' && isStringList(obj.identity_class) && obj.identity_class.length === 1) {
    // Seen in Unit 42 bundles: a one-element list where both 2.0 and 2.1 require a string.
    obj.identity_class = obj.identity_class[0]
    note(`identity_class list → string ${JSON.stringify(obj.identity_class)}`)
  }
  // observed-data keeps its 2.0 `objects` dictionary: 2.1 deprecates it but still accepts it.
  return obj
}

/** The object with `spec_version: "2.1"` right after `type`, where 2.1 producers put it. */
function withSpecVersion(obj: Json, note: (what: string) => void): Json {
  const before = obj.spec_version
  const entries = Object.entries(obj).filter(([k]) => k !== 'spec_version')
  const at = entries.findIndex(([k]) => k === 'type') + 1
  entries.splice(at, 0, ['spec_version', '2.1'])
  note(before === undefined ? 'added spec_version "2.1"' : `spec_version ${JSON.stringify(before)} → "2.1"`)
  return Object.fromEntries(entries)
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string')
}

/** TLP 1.0 marking references → the TLP 2.0 ids (DESIGN.md invariant 4: "TLP 1.0 ids are mapped on input"). */
function upgradeMarkingRefs(obj: Json, note: (what: string) => void, ctx: Context): void {
  const mapRef = (ref: string, property: string): string => {
    if (!isTlp1MarkingId(ref)) return ref
    const replacement = markingIdForTlp(levelOfTlp1(ref, ctx))
    note(`${property}: TLP 1.0 ${ref} → TLP 2.0 ${replacement}`)
    return replacement
  }
  if (Array.isArray(obj.object_marking_refs)) {
    const mapped = obj.object_marking_refs.map((ref) =>
      typeof ref === 'string' ? mapRef(ref, 'object_marking_refs') : ref,
    )
    // WHITE and CLEAR side by side would otherwise become the same id twice.
    obj.object_marking_refs = mapped.filter((ref, i) => typeof ref !== 'string' || mapped.indexOf(ref) === i)
  }
  if (Array.isArray(obj.granular_markings)) {
    for (const marking of obj.granular_markings) {
      if (isRecord(marking) && typeof marking.marking_ref === 'string')
        marking.marking_ref = mapRef(marking.marking_ref, 'granular_markings.marking_ref')
    }
  }
}

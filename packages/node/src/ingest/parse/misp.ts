/**
 * MISP event JSON → candidates. Accepts the REST search export `{"response":[{"Event":…}]}`
 * (one or more events) and a bare `{"Event":…}`. Attributes marked `to_ids` become
 * indicator candidates (MISP's own rule for what an IDS export contains); each event
 * becomes a report candidate holding them. Galaxies are never read. Type mapping:
 * misp-types.ts and README.md.
 */
import { countSkipped, type IndicatorCandidate, type ParseResult, type ReportCandidate } from './candidate.js'
import { FormatError } from './errors.js'
import { parseJsonStrict } from './json-position.js'
import { MAX_MISP_ATTRIBUTES } from './limits.js'
import { mapMispValue, mispTypeRule } from './misp-types.js'
import { epochToTimestamp, parseTimestamp } from './timestamp.js'
import { isTlpTag, moreRestrictive, normalizeTlp, type TlpName } from './tlp.js'

type Json = Record<string, unknown>

const NOT_MISP = 'not a MISP event: expected {"Event":…} or {"response":[{"Event":…}]}'

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined
}

/** Parse MISP event JSON text; malformed JSON or another shape is a FormatError. */
export function parseMispEvent(text: string): ParseResult {
  return mispFromJson(parseJsonStrict(text, 'MISP event JSON'))
}

/** The events of an already parsed MISP document, or FormatError. */
export function mispEvents(json: unknown): Json[] {
  if (isObject(json) && 'Event' in json) {
    if (!isObject(json.Event)) throw new FormatError(`${NOT_MISP}; "Event" is not an object`)
    return [json.Event]
  }
  if (isObject(json) && Array.isArray(json.response)) {
    return json.response.map((item: unknown, i) => {
      if (!isObject(item) || !isObject(item.Event)) throw new FormatError(`${NOT_MISP}; response[${i}] has no "Event" object`)
      return item.Event
    })
  }
  throw new FormatError(NOT_MISP)
}

/** Convert an already parsed MISP document (see parseMispEvent). */
export function mispFromJson(json: unknown): ParseResult {
  const events = mispEvents(json)
  let total = 0
  for (const ev of events) total += attributesOf(ev).length
  if (total > MAX_MISP_ATTRIBUTES) {
    throw new FormatError(`MISP event JSON: ${total} attributes, over the limit of ${MAX_MISP_ATTRIBUTES}; split the export`)
  }
  const result: ParseResult = { format: 'misp', candidates: [], problems: [], skipped: {} }
  events.forEach((ev, i) => convertEvent(ev, i, result))
  return result
}

interface Located {
  attr: unknown
  /** The MISP object holding the attribute, if any. */
  obj?: Json
  path: string
}

function attributesOf(ev: Json): Located[] {
  const out: Located[] = []
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
  list(ev.Attribute).forEach((attr, i) => out.push({ attr, path: `Attribute[${i}]` }))
  list(ev.Object).forEach((obj, j) => {
    if (!isObject(obj)) return
    list(obj.Attribute).forEach((attr, i) => out.push({ attr, obj, path: `Object[${j}].Attribute[${i}]` }))
  })
  return out
}

function tagNames(v: unknown): string[] {
  if (!Array.isArray(v)) return []
  return v.flatMap((t: unknown) => (isObject(t) && typeof t.name === 'string' ? [t.name.trim()] : []))
}

/**
 * The most restrictive `tlp:` tag. A tlp-taxonomy tag we cannot map (tlp:ex:chr,
 * tlp:unclear) counts as RED: design invariant 4 keeps what we do not understand home.
 */
function tlpOf(tags: string[]): TlpName | undefined {
  let tlp: TlpName | undefined
  for (const t of tags) if (isTlpTag(t)) tlp = moreRestrictive(tlp, normalizeTlp(t) ?? 'red')
  return tlp
}

/** Tags other than TLP markings and galaxy-cluster tags (galaxies are not imported). */
function labelsOf(tags: string[]): string[] | undefined {
  const labels = tags.filter((t) => t !== '' && !isTlpTag(t) && !t.toLowerCase().startsWith('misp-galaxy:'))
  return labels.length > 0 ? labels : undefined
}

function isToIds(v: unknown): boolean {
  return v === true || v === 1 || v === '1' || v === 'true'
}

/** The file name a MISP `file`-like object gives its hash attributes. */
function objectFileName(obj: Json | undefined): string | undefined {
  if (!obj || !Array.isArray(obj.Attribute)) return undefined
  for (const a of obj.Attribute as unknown[]) {
    if (isObject(a) && (a.object_relation === 'filename' || a.type === 'filename')) return str(a.value)
  }
  return undefined
}

function convertEvent(ev: Json, index: number, result: ParseResult): void {
  const eventTags = tagNames(ev.Tag)
  const eventTlp = tlpOf(eventTags)
  const eventRef = str(ev.uuid) ?? `event ${index}`
  const members: number[] = []
  for (const { attr, obj, path } of attributesOf(ev)) {
    if (!isObject(attr)) {
      result.problems.push({ ref: `${eventRef} ${path}`, message: `MISP ${path} is not an object`, severity: 'error' })
      continue
    }
    const uuid = str(attr.uuid)
    const ref = uuid ?? `${eventRef} ${path}`
    if (attr.deleted === true) {
      countSkipped(result.skipped, 'deleted')
      continue
    }
    if (!isToIds(attr.to_ids)) {
      countSkipped(result.skipped, 'to_ids=false')
      continue
    }
    const type = str(attr.type)
    const value = typeof attr.value === 'string' ? attr.value : undefined
    if (type === undefined || value === undefined) {
      result.problems.push({ ref, message: `MISP attribute ${ref} has no string "type" and "value"`, severity: 'error' })
      continue
    }
    const rule = mispTypeRule(type)
    if (rule === undefined) {
      countSkipped(result.skipped, type)
      continue
    }
    const mapped = mapMispValue(rule, type, value)
    if ('error' in mapped) {
      result.problems.push({ ref, message: `MISP attribute ${ref}: ${mapped.error}`, severity: 'error' })
      continue
    }
    const attrTags = tagNames(attr.Tag)
    const tlp = tlpOf(attrTags) ?? eventTlp
    const labels = labelsOf(attrTags)
    const description = str(attr.comment) ?? str(obj?.comment)
    // misp-stix's convention: first_seen → valid_from (else the attribute's timestamp), last_seen → valid_until.
    const validFrom = parseTimestamp(str(attr.first_seen) ?? str(obj?.first_seen) ?? '') ?? epochToTimestamp(attr.timestamp)
    const validUntil = parseTimestamp(str(attr.last_seen) ?? str(obj?.last_seen) ?? '')
    for (const part of mapped.parts) {
      const name = mapped.name ?? (part.stixType === 'file' ? objectFileName(obj) : undefined)
      const candidate: IndicatorCandidate = {
        kind: 'indicator',
        stixType: part.stixType,
        property: part.property,
        value: part.value,
        source: { ref },
      }
      if (uuid !== undefined) candidate.externalId = mapped.parts.length > 1 ? `${uuid}#${part.stixType}` : uuid
      if (tlp !== undefined) candidate.tlp = tlp
      if (labels !== undefined) candidate.labels = labels
      if (description !== undefined) candidate.description = description
      if (name !== undefined) candidate.name = name
      if (validFrom !== undefined) candidate.validFrom = validFrom
      if (validUntil !== undefined) candidate.validUntil = validUntil
      members.push(result.candidates.length)
      result.candidates.push(candidate)
    }
  }
  result.candidates.push(reportOf(ev, eventRef, eventTags, eventTlp, members))
}

function reportOf(ev: Json, eventRef: string, tags: string[], tlp: TlpName | undefined, memberRefs: number[]): ReportCandidate {
  const report: ReportCandidate = { kind: 'report', name: str(ev.info) ?? `MISP event ${eventRef}`, memberRefs }
  // publish_timestamp is "0" for never-published events; then the event's date stands in.
  const published = epochToTimestamp(ev.publish_timestamp) ?? parseTimestamp(str(ev.date) ?? '')
  if (published !== undefined) report.published = published
  if (tlp !== undefined) report.tlp = tlp
  const labels = labelsOf(tags)
  if (labels !== undefined) report.labels = labels
  const uuid = str(ev.uuid)
  if (uuid !== undefined) report.externalId = uuid
  return report
}

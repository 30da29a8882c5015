/**
 * The body of `POST /api/v1/indicators` (docs/http-api.md `AddIndicator`), checked field by
 * field: every mistake is a BadRequestError whose message starts with the field name.
 */
import { ObservableError, resolveTypedValue, type Observable } from '@certmesh/protocol'
import type { NodeConfig } from '../config/index.js'
import { BadRequestError } from '../errors.js'
import { checkConfidence, checkFutureTimestamp, checkTlp } from './attributes.js'
import type { IndicatorAttributes } from './indicator.js'

export interface AddIndicator {
  /** STIX observable type or short name (ip, domain, url, email, md5, sha1, sha256, sha512). */
  type: string
  value: string
  /** clear | green | amber | amber+strict | red (default: [indicators] default_tlp). */
  tlp?: string
  /** 0–100 (default: [indicators] default_confidence). */
  confidence?: number
  /** STIX timestamp (default: now + validity_days[type]). */
  valid_until?: string
  labels?: string[]
  description?: string
}

const FIELDS = ['type', 'value', 'tlp', 'confidence', 'valid_until', 'labels', 'description']
const MAX_LABELS = 100
const MAX_TEXT = 64 * 1024

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const v = body[field]
  if (v === undefined) throw new BadRequestError(`${field}: is required`)
  if (typeof v !== 'string') throw new BadRequestError(`${field}: must be a string, got ${v === null ? 'null' : typeof v}`)
  return v
}

function labelsOf(v: unknown): string[] | undefined {
  if (v === undefined) return undefined
  if (!Array.isArray(v)) throw new BadRequestError('labels: must be a list of strings')
  if (v.length > MAX_LABELS) throw new BadRequestError(`labels: at most ${MAX_LABELS} labels, got ${v.length}`)
  return v.map((l, i) => {
    if (typeof l !== 'string' || l.trim() === '') throw new BadRequestError(`labels[${i}]: must be a non-empty string`)
    if (l.length > 256) throw new BadRequestError(`labels[${i}]: longer than 256 characters`)
    return l.trim()
  })
}

function observableOf(type: string, value: string): Observable {
  try {
    return resolveTypedValue(type, value)
  } catch (e) {
    if (!(e instanceof ObservableError)) throw e
    throw new BadRequestError(`${e.code === 'unsupported-type' ? 'type' : 'value'}: ${e.message}`)
  }
}

/** The observable and attributes of an AddIndicator body, or a BadRequestError naming the field. */
export function checkAddIndicator(body: unknown, config: NodeConfig, now: number): { observable: Observable; attrs: IndicatorAttributes } {
  if (!isRecord(body)) throw new BadRequestError('body: must be a JSON object such as {"type":"ip","value":"198.51.100.7"}')
  const unknown = Object.keys(body).filter((k) => !FIELDS.includes(k))
  if (unknown.length > 0) throw new BadRequestError(`${unknown[0]}: unknown field; known: ${FIELDS.join(', ')}`)
  const observable = observableOf(requiredString(body, 'type'), requiredString(body, 'value'))
  const labels = labelsOf(body.labels)
  const description = body.description
  if (description !== undefined && typeof description !== 'string') throw new BadRequestError('description: must be a string')
  if (typeof description === 'string' && description.length > MAX_TEXT) throw new BadRequestError(`description: longer than ${MAX_TEXT} characters`)
  const attrs: IndicatorAttributes = {
    tlp: checkTlp(body.tlp ?? config.indicators.defaultTlp, body.tlp === undefined ? 'indicators.default_tlp' : 'tlp'),
    confidence: body.confidence === undefined ? config.indicators.defaultConfidence : checkConfidence(body.confidence),
    ...(body.valid_until !== undefined && { validUntil: checkFutureTimestamp(body.valid_until, now) }),
    ...(labels !== undefined && labels.length > 0 && { labels }),
    ...(typeof description === 'string' && description !== '' && { description }),
  }
  return { observable, attrs }
}

/**
 * Where an indicator's TLP, confidence and validity come from: the candidate (a CSV
 * column, a MISP tag) over the import options over the node's [indicators] defaults.
 * Values given by a person are checked here with messages that name the field.
 */
import { isStixTimestamp, isTlp, parseStixTimestamp, parseTlpArgument, TlpParseError, type Tlp } from '@certmesh/protocol'
import type { NodeConfig } from '../config/index.js'
import { BadRequestError } from '../errors.js'
import type { IndicatorAttributes } from './indicator.js'
import type { IndicatorCandidate } from './parse/index.js'

export interface Defaults {
  tlp: Tlp
  confidence: number
}

export function checkTlp(value: unknown, field = 'tlp'): Tlp {
  if (typeof value !== 'string') throw new BadRequestError(`${field}: must be a string (clear, green, amber, amber+strict or red), got ${describe(value)}`)
  try {
    return parseTlpArgument(value)
  } catch (e) {
    if (e instanceof TlpParseError) throw new BadRequestError(`${field}: ${e.message}`)
    throw e
  }
}

export function checkConfidence(value: unknown, field = 'confidence'): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new BadRequestError(`${field}: must be a whole number from 0 to 100, got ${describe(value)}`)
  }
  return value
}

/** A STIX timestamp (RFC 3339, UTC, `Z`) later than `now`; returns epoch ms. */
export function checkFutureTimestamp(value: unknown, now: number, field = 'valid_until'): number {
  if (!isStixTimestamp(value)) {
    throw new BadRequestError(`${field}: must be a STIX timestamp such as 2030-01-31T00:00:00Z (RFC 3339, UTC), got ${describe(value)}`)
  }
  const ms = parseStixTimestamp(value).epochMs
  if (ms <= now) throw new BadRequestError(`${field}: ${value} is not in the future; an indicator must be valid for some time`)
  return ms
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value)
  if (value === null || value === undefined) return String(value)
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value
}

/** The operation's defaults: options checked, else config. Throws BadRequestError naming the option. */
export function operationDefaults(config: NodeConfig, opts: { tlp?: unknown; confidence?: unknown }): Defaults {
  return {
    tlp: opts.tlp === undefined ? checkTlp(config.indicators.defaultTlp, 'indicators.default_tlp') : checkTlp(opts.tlp),
    confidence: opts.confidence === undefined ? config.indicators.defaultConfidence : checkConfidence(opts.confidence),
  }
}

function epoch(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const ms = Date.parse(text)
  return Number.isFinite(ms) ? ms : undefined
}

/** The attributes of a parsed candidate; the parsers have already checked tlp, confidence and timestamps. */
export function candidateAttributes(c: IndicatorCandidate, d: Defaults, nameDetail?: string): IndicatorAttributes {
  const validFrom = epoch(c.validFrom)
  const validUntil = epoch(c.validUntil)
  const detail = nameDetail ?? c.name
  return {
    tlp: c.tlp !== undefined && isTlp(c.tlp) ? c.tlp : c.tlp !== undefined ? 'red' : d.tlp,
    confidence: c.confidence ?? d.confidence,
    ...(validFrom !== undefined && { validFrom }),
    ...(validUntil !== undefined && { validUntil }),
    ...(c.labels !== undefined && { labels: c.labels }),
    ...(c.description !== undefined && { description: c.description }),
    ...(detail !== undefined && detail !== '' && { nameDetail: detail }),
  }
}

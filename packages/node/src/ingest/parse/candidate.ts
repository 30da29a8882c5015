/**
 * What the input parsers produce: *candidates*, raw values with their provenance. The
 * ingest pipeline later resolves types, normalises, validates, signs and stores them; no
 * parser touches the store or keys.
 */
import type { ObservableType } from '@certmesh/protocol'
export { FormatError, InputTooLargeError } from './errors.js'

/** STIX Cyber-observable types a candidate may name (STIX 2.1 §6). */
export type CandidateStixType = Exclude<ObservableType, 'x509-certificate'>

/** Where a candidate or problem came from in the input. */
export interface CandidateSource {
  /** 1-based line. */
  line?: number
  /** 1-based column in characters. */
  column?: number
  /** Identifier inside the input, e.g. a MISP attribute uuid. */
  ref?: string
}

export interface IndicatorCandidate {
  kind: 'indicator'
  /** A CandidateStixType, or '' when the type is still unknown (see `typeHint`). */
  stixType: CandidateStixType | ''
  /** Observable property: 'value', 'key', 'hashes.SHA-256', …; '' when `stixType` is ''. */
  property: string
  /** The value exactly as found (trimmed of surrounding white space), never normalised. */
  value: string
  /**
   * Set when the input did not fix the type: the raw `type` column of a CSV row ('' when
   * absent) or '' for a text list. The pipeline resolves it (auto-detection when '').
   */
  typeHint?: string
  /** Lower-case TLP 2.0 name: 'clear' | 'green' | 'amber' | 'amber+strict' | 'red'. */
  tlp?: string
  /** STIX confidence, integer 0–100. */
  confidence?: number
  /** RFC 3339 timestamp in UTC ('Z'). */
  validFrom?: string
  /** RFC 3339 timestamp in UTC ('Z'). */
  validUntil?: string
  labels?: string[]
  description?: string
  name?: string
  source: CandidateSource
  /**
   * Stable id of the item in the source system, so a re-import is idempotent: the MISP
   * attribute uuid, suffixed `#<stixType>` when one attribute yields two candidates.
   */
  externalId?: string
}

export interface ReportCandidate {
  kind: 'report'
  name: string
  /** RFC 3339 timestamp in UTC. */
  published?: string
  description?: string
  tlp?: string
  labels?: string[]
  /** The MISP event uuid. */
  externalId?: string
  /** Indexes into `ParseResult.candidates` of the indicator candidates this report holds. */
  memberRefs: number[]
}

export type Candidate = IndicatorCandidate | ReportCandidate

export interface ParseProblem {
  line?: number
  column?: number
  ref?: string
  message: string
  /** 'error': the item is bad and was dropped; 'skipped': dropped on purpose (e.g. unsupported). */
  severity: 'error' | 'skipped'
}

export type InputFormat = 'misp' | 'csv' | 'txt' | 'stix'

export interface ParseResult {
  format: InputFormat
  candidates: Candidate[]
  problems: ParseProblem[]
  /** Items left out on purpose, counted by reason: MISP types not mapped, 'to_ids=false', … */
  skipped: Record<string, number>
}

/** Increment a `skipped` counter. */
export function countSkipped(skipped: Record<string, number>, reason: string, by = 1): void {
  skipped[reason] = (skipped[reason] ?? 0) + by
}

export function isIndicator(c: Candidate): c is IndicatorCandidate {
  return c.kind === 'indicator'
}

export function isReport(c: Candidate): c is ReportCandidate {
  return c.kind === 'report'
}

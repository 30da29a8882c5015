/**
 * One STIX object → the store's `PreparedVersion` (store/types.ts). Used by every path
 * into the store (file import, API, and later peer sync), so it is pure apart from
 * hashing: no store, no keys. The caller has validated (and, when signed, verified) the
 * object; what cannot be read here is a PrepareError, i.e. a bug or a bypassed check.
 */
import { sightingObservables } from '../sighting/index-key.js'
import { sha256Hex } from './sha256.js'
import {
  effectiveTlp,
  extractObservables,
  ipNetwork,
  isStixTimestamp,
  parsePattern,
  parseStixTimestamp,
  patternDedupKey,
  type Observable,
  type Pattern,
} from '@certmesh/protocol'
import type { PreparedObservable, PreparedVersion } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'
import { PATTERN_KEY_PREFIX } from './constants.js'
import { singleObservable } from './dedup.js'

export interface PrepareOptions {
  /** 'local', 'import', or the peer id. */
  origin: string
  /** base64url Ed25519 key that signed the object (verified by the caller). */
  signer?: string
  matcher?: WarninglistMatcher
  /** The already parsed `pattern`, so the pipeline parses each pattern once. */
  pattern?: Pattern
  /**
   * For an indicator the caller built itself from known observables: the normalised
   * observables and the pattern's dedup key, so nothing is parsed or extracted again.
   */
  known?: { observables: readonly Observable[]; dedupKey: string }
  /** sha256Hex(json), when the caller has computed it already (sync's held-check). */
  hash?: string
}

export class PrepareError extends Error {
  override readonly name = 'PrepareError'
}

export { sha256Hex }

/** The pseudo-observable under which an indicator is found by its pattern's dedup key (docs/protocol.md §7.5). */
export function patternObservable(dedupKey: string): PreparedObservable {
  return { key: PATTERN_KEY_PREFIX + dedupKey, type: 'pattern', property: 'dedup', value: dedupKey }
}

/** Millisecond-precision UTC, as this node writes: Date.parse reads it exactly and fast. */
const MS_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

function epochMs(obj: Record<string, unknown>, name: string): number | undefined {
  const v = obj[name]
  if (typeof v === 'string' && MS_TIMESTAMP.test(v)) {
    const ms = Date.parse(v)
    if (Number.isFinite(ms)) return ms
  }
  return isStixTimestamp(v) ? parseStixTimestamp(v).epochMs : undefined
}

function toPrepared(o: Observable): PreparedObservable {
  if (o.type !== 'ipv4-addr' && o.type !== 'ipv6-addr') return { key: o.key, type: o.type, property: o.property, value: o.value }
  const n = ipNetwork(o.value)
  return { key: o.key, type: o.type, property: o.property, value: o.value, network: { version: n.version, bytes: n.bytes, prefix: n.prefix } }
}

function indicatorObservables(obj: Record<string, unknown>, opts: PrepareOptions): { list: PreparedObservable[]; observables: readonly Observable[] } {
  if (obj.pattern_type !== 'stix' || typeof obj.pattern !== 'string') return { list: [], observables: [] }
  if (opts.known !== undefined) {
    const { observables, dedupKey } = opts.known
    return { list: withDedupEntry(observables, dedupKey), observables }
  }
  let pattern = opts.pattern
  if (pattern === undefined) {
    try {
      pattern = parsePattern(obj.pattern)
    } catch (e) {
      throw new PrepareError(`${String(obj.id)}: pattern does not parse: ${(e as Error).message}`)
    }
  }
  const observables = extractObservables(pattern, { invalid: 'skip' })
  return { list: withDedupEntry(observables, patternDedupKey(pattern)), observables }
}

/** The index entries of an indicator: its observables, and the dedup pseudo-observable unless its key finds it (dedup.ts). */
function withDedupEntry(observables: readonly Observable[], dedupKey: string): PreparedObservable[] {
  const list = observables.map(toPrepared)
  if (singleObservable(observables, dedupKey) === undefined) list.push(patternObservable(dedupKey))
  return list
}

function warninglistFlags(observables: readonly Observable[], matcher: WarninglistMatcher | undefined): string[] {
  if (matcher === undefined) return []
  const flags = new Set<string>()
  for (const o of observables) for (const hit of matcher.match(o.type, o.value, o.property)) flags.add(`warninglist:${hit.list}`)
  return [...flags]
}

function requireString(obj: Record<string, unknown>, name: string): string {
  const v = obj[name]
  if (typeof v !== 'string' || v.length === 0) throw new PrepareError(`${String(obj.id ?? 'object')}: '${name}' must be a non-empty string`)
  return v
}

/**
 * `json` is the exact text to keep (our canonical text, or what was received); `hash` is
 * its SHA-256. Marking-definitions have no `modified`: their `created` stands for it.
 * Objects without `created` (SCOs) are not versioned and cannot be stored.
 */
export function prepareVersion(obj: Record<string, unknown>, json: string, opts: PrepareOptions): PreparedVersion {
  const id = requireString(obj, 'id')
  const type = requireString(obj, 'type')
  if (typeof obj.created !== 'string') {
    throw new PrepareError(`${id}: has no 'created'; only versioned STIX objects (SDOs, SROs, marking definitions) are stored`)
  }
  const created = obj.created
  const modified = typeof obj.modified === 'string' ? obj.modified : created
  // Sightings carry a `sighting-of:<indicator id>` index entry so lookups count them
  // whether they were made here, imported or received from a peer.
  const { list, observables } =
    type === 'indicator' ? indicatorObservables(obj, opts) : { list: sightingObservables(obj), observables: [] }
  const flags = warninglistFlags(observables, opts.matcher)
  const confidence = obj.confidence
  const validFrom = epochMs(obj, 'valid_from')
  const validUntil = epochMs(obj, 'valid_until')
  return {
    id,
    type,
    specVersion: typeof obj.spec_version === 'string' ? obj.spec_version : '2.1',
    created,
    modified,
    ...(typeof obj.created_by_ref === 'string' && { createdByRef: obj.created_by_ref }),
    ...(opts.signer !== undefined && { signer: opts.signer }),
    json,
    hash: opts.hash ?? sha256Hex(json),
    revoked: obj.revoked === true,
    tlp: effectiveTlp(obj),
    ...(Number.isInteger(confidence) && (confidence as number) >= 0 && (confidence as number) <= 100 && { confidence: confidence as number }),
    ...(validFrom !== undefined && { validFrom }),
    ...(validUntil !== undefined && { validUntil }),
    observables: list,
    ...(flags.length > 0 && { flags }),
    origin: opts.origin,
  }
}

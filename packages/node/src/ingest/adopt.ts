/**
 * `--adopt`: publish an unsigned STIX object as this node's own. The copy gets a new id
 * derived from the original id (so adopting again finds it), this node as creator, fresh
 * timestamps, a TLP marking, and our signature; a signed `derived-from` relationship
 * (STIX 2.1 §5.1, relationship vocabulary) records where it came from. Identities,
 * marking and extension definitions, and SCOs (unversioned) are not adopted.
 */
import {
  categoryOf,
  markingIdForTlp,
  mostRestrictive,
  parseStixTimestamp,
  tlpFromMarkingId,
  uuidV5,
  withoutSignature,
  canonicalize,
  type Tlp,
} from '@certmesh/protocol'
import type { NodeSigner } from '../sign/signer.js'
import type { StoredVersion } from '../store/index.js'
import { ADOPT_NAMESPACE } from './constants.js'
import { stixTime } from './indicator.js'

const NOT_ADOPTABLE_TYPES: ReadonlySet<string> = new Set(['identity', 'marking-definition', 'extension-definition'])

/** Why `obj` cannot be adopted, or undefined when it can. */
export function notAdoptable(type: string): string | undefined {
  if (NOT_ADOPTABLE_TYPES.has(type)) {
    return `a ${type} is not adopted: an adopted object names this node as its creator, which makes no sense for a ${type}`
  }
  if (categoryOf(type) === 'sco') return `a ${type} is a cyber-observable without versions; it is not adopted (import an indicator for it instead)`
  return undefined
}

export function adoptedId(ourIdentityId: string, originalId: string): string {
  const at = originalId.lastIndexOf('--')
  return `${originalId.slice(0, at)}--${uuidV5(ADOPT_NAMESPACE, `${ourIdentityId}|${originalId.toLowerCase()}`)}`
}

export function derivedFromId(ourIdentityId: string, originalId: string): string {
  return `relationship--${uuidV5(ADOPT_NAMESPACE, `${ourIdentityId}|derived-from|${originalId.toLowerCase()}`)}`
}

/** Original TLP markings (TLP 1.0 mapped to 2.0, the strictest kept) plus any other markings, fail-closed. */
function markings(obj: Record<string, unknown>, override: Tlp | undefined, fallback: Tlp): string[] {
  const refs = Array.isArray(obj.object_marking_refs) ? obj.object_marking_refs.filter((r): r is string => typeof r === 'string') : []
  const levels = refs.map(tlpFromMarkingId).filter((t): t is Tlp => t !== undefined)
  const others = refs.filter((r) => tlpFromMarkingId(r) === undefined)
  const [first, ...rest] = levels
  const tlp = override ?? (first !== undefined ? mostRestrictive(first, ...rest) : fallback)
  return [markingIdForTlp(tlp), ...others]
}

const KEEP_REFS: ReadonlySet<string> = new Set(['created_by_ref', 'object_marking_refs'])

function remap(value: unknown, ids: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') return ids.get(value) ?? value
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? (ids.get(v) ?? v) : v))
  return value
}

export interface AdoptContext {
  signer: NodeSigner
  now: number
  /** opts.tlp: replaces the original markings' TLP. */
  tlp?: Tlp
  defaultTlp: Tlp
  /** Original id → adopted id of every object adopted in this operation, so refs between them follow. */
  ids: ReadonlyMap<string, string>
}

/** The unsigned body of the adopted copy (created = modified = now). */
export function adoptedBody(obj: Record<string, unknown>, ctx: AdoptContext): Record<string, unknown> {
  const original = withoutSignature(obj)
  const id = adoptedId(ctx.signer.identityId, String(obj.id))
  const now = stixTime(ctx.now)
  const out: Record<string, unknown> = { type: obj.type, spec_version: '2.1', id, created_by_ref: ctx.signer.identityId, created: now, modified: now }
  for (const [key, value] of Object.entries(original)) {
    if (key in out || key === 'object_marking_refs') continue
    out[key] = (key.endsWith('_ref') || key.endsWith('_refs')) && !KEEP_REFS.has(key) ? remap(value, ctx.ids) : value
  }
  out.object_marking_refs = markings(obj, ctx.tlp, ctx.defaultTlp)
  return out
}

function content(obj: Record<string, unknown>): string {
  const { created: _c, modified: _m, ...rest } = withoutSignature(obj)
  return canonicalize(rest)
}

/**
 * Against the stored adopted copy: 'same' when only timestamps and the signature would
 * differ (adopting again changes nothing), else the body of the next version (same
 * `created`, `modified` strictly later than the current one).
 */
export function nextAdoptedVersion(body: Record<string, unknown>, current: StoredVersion, now: number): 'same' | Record<string, unknown> {
  const stored = JSON.parse(current.json) as Record<string, unknown>
  if (!current.revoked && content(stored) === content(body)) return 'same'
  const modified = Math.max(now, parseStixTimestamp(current.modified).epochMs + 1)
  return { ...body, created: current.created, modified: stixTime(modified) }
}

export function derivedFrom(adopted: Record<string, unknown>, originalId: string, ctx: AdoptContext): Record<string, unknown> {
  const now = stixTime(ctx.now)
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: derivedFromId(ctx.signer.identityId, originalId),
    created_by_ref: ctx.signer.identityId,
    created: now,
    modified: now,
    relationship_type: 'derived-from',
    source_ref: adopted.id,
    target_ref: originalId,
    object_marking_refs: adopted.object_marking_refs,
  }
}

/** STIX 2.1 §5.1: a relationship links SDOs and SCOs only, so adopted SROs and meta objects get no derived-from. */
export function linksProvenance(type: string): boolean {
  const c = categoryOf(type)
  return c === 'sdo' || c === 'custom'
}

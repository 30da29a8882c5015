/**
 * The objects of a STIX input (a bundle, a bare array, or one object), upgraded from
 * STIX 2.0 when they need it (docs/protocol.md §5.5). A container that holds no list of
 * objects is a BadRequestError: nothing is imported (DESIGN.md invariant 7).
 */
import { MAX_BUNDLE_OBJECTS, SCO_TYPES, upgradeToStix21 } from '@certmesh/protocol'
import { BadRequestError } from '../errors.js'

export interface StixInput {
  objects: unknown[]
  /** What the 2.0 → 2.1 upgrade changed, one line per change ("<id>: …"). */
  upgraded: string[]
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function objectNeedsUpgrade(o: unknown): boolean {
  if (!isRecord(o) || typeof o.type !== 'string') return false
  return o.spec_version === '2.0' || (o.spec_version === undefined && !SCO_TYPES.has(o.type))
}

function listOf(value: unknown): unknown[] {
  if (Array.isArray(value)) return value
  if (isRecord(value) && value.type === 'bundle') {
    if (value.objects === undefined) return []
    if (!Array.isArray(value.objects)) throw new BadRequestError('bundle: "objects" must be a list of STIX objects')
    return value.objects
  }
  if (isRecord(value)) return [value]
  throw new BadRequestError('STIX input must be a bundle, a list of objects or one object')
}

export function stixInput(value: unknown): StixInput {
  const before = listOf(value)
  if (before.length > MAX_BUNDLE_OBJECTS) {
    throw new BadRequestError(`STIX input holds ${before.length} objects, over the limit of ${MAX_BUNDLE_OBJECTS}; split it into smaller bundles`)
  }
  const bundle20 = isRecord(value) && value.type === 'bundle' && 'spec_version' in value
  if (!bundle20 && !before.some(objectNeedsUpgrade)) return { objects: before, upgraded: [] }
  const r = upgradeToStix21(value)
  return { objects: listOf(r.value), upgraded: r.changes }
}

/** The upgrade lines about one object, as an item note. */
export function upgradeNote(upgraded: readonly string[], id: unknown): string | undefined {
  if (typeof id !== 'string' || upgraded.length === 0) return undefined
  const lines = upgraded.filter((l) => l.startsWith(`${id}:`)).map((l) => l.slice(id.length + 1).trim())
  return lines.length === 0 ? undefined : `upgraded from STIX 2.0: ${lines.join('; ')}`
}

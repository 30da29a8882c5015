import { tlpRank, type Tlp } from './level.js'
import { tlpFromMarkingDefinition, tlpFromMarkingId } from './map.js'

/**
 * How a node resolves a marking id that is not one of the well-known TLP ids:
 * - a `Tlp`: this marking is (or implies) that level;
 * - `null`: a marking the node understands and that does not restrict sharing
 *   (e.g. a copyright statement the operator has reviewed);
 * - `undefined`: not understood — it counts as RED (DESIGN.md invariant 4).
 */
export type MarkingResolver = (markingId: string) => Tlp | null | undefined

/** The most restrictive of the given levels. */
export function mostRestrictive(first: Tlp, ...rest: Tlp[]): Tlp {
  return rest.reduce((a, b) => (tlpRank(b) > tlpRank(a) ? b : a), first)
}

/** True when `tlp` is no more restrictive than `max` (e.g. may go to a peer allowed `max`). */
export function tlpAtMost(tlp: Tlp, max: Tlp): boolean {
  return tlpRank(tlp) <= tlpRank(max)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

interface MarkingRefs {
  ids: string[]
  /** A marking property was present but not readable as marking ids. */
  malformed: boolean
}

/** Marking ids from `object_marking_refs` and `granular_markings[].marking_ref` (STIX 2.1 §7.2). */
function markingRefsOf(obj: Record<string, unknown>): MarkingRefs {
  const ids: string[] = []
  let malformed = false
  const objectRefs = obj.object_marking_refs
  if (objectRefs !== undefined) {
    if (!Array.isArray(objectRefs)) malformed = true
    else
      for (const ref of objectRefs) {
        if (typeof ref === 'string') ids.push(ref)
        else malformed = true
      }
  }
  const granular = obj.granular_markings
  if (granular !== undefined) {
    if (!Array.isArray(granular)) malformed = true
    else
      for (const marking of granular) {
        if (isRecord(marking) && typeof marking.marking_ref === 'string') ids.push(marking.marking_ref)
        // A granular marking with only `lang` states a language, not a handling rule.
        else if (!(isRecord(marking) && marking.marking_ref === undefined && typeof marking.lang === 'string'))
          malformed = true
      }
  }
  return { ids, malformed }
}

/**
 * The TLP level that governs where `obj` may go.
 *
 * All markings count, object-level and granular (the whole object travels, so the
 * strictest part decides). Each marking id is read as a well-known TLP id first, then
 * through `knownMarkings`; an id neither recognises is RED, as is a marking property
 * that is not a list of ids, or an `obj` that is not an object (fail-closed, DESIGN.md
 * invariant 4). The most restrictive level wins. An object with no markings, or only
 * markings the resolver declares non-restrictive (`null`), gives `null`: the node's
 * default policy decides.
 */
export function effectiveTlp(obj: unknown, knownMarkings?: MarkingResolver): Tlp | null {
  if (!isRecord(obj)) return 'red'
  const { ids, malformed } = markingRefsOf(obj)
  let result: Tlp | null = malformed ? 'red' : null
  for (const id of ids) {
    const level = levelOf(id, knownMarkings)
    if (level === null) continue
    result = result === null ? level : mostRestrictive(result, level)
    if (result === 'red') break
  }
  return result
}

/**
 * One marking id's level. A well-known id keeps its level even if the resolver says
 * otherwise, unless the resolver is stricter (a bundle that redefines a well-known id
 * more strictly is taken at its word).
 */
function levelOf(id: string, knownMarkings: MarkingResolver | undefined): Tlp | null {
  const wellKnown = tlpFromMarkingId(id)
  const resolved = knownMarkings?.(id)
  if (wellKnown !== undefined) return resolved ? mostRestrictive(wellKnown, resolved) : wellKnown
  return resolved === undefined ? 'red' : resolved
}

/**
 * A resolver for the TLP marking-definitions among `definitions` (e.g. the objects of
 * an imported bundle), read with {@link tlpFromMarkingDefinition}. Other ids resolve to
 * undefined, i.e. RED unless the caller's own resolver knows them.
 */
export function markingResolver(definitions: Iterable<unknown>): MarkingResolver {
  const byId = new Map<string, Tlp>()
  for (const def of definitions) {
    const tlp = tlpFromMarkingDefinition(def)
    if (tlp === undefined || !isRecord(def) || typeof def.id !== 'string') continue
    const previous = byId.get(def.id)
    byId.set(def.id, previous === undefined ? tlp : mostRestrictive(previous, tlp))
  }
  return (markingId) => byId.get(markingId)
}

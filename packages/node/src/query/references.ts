import {
  certmeshProjectIdentity,
  signatureExtensionDefinition,
  tlp1MarkingDefinition,
  TLP1_MARKING_IDS,
  tlp2ExtensionDefinition,
  tlpMarkingDefinitions,
  type Tlp1,
} from '@certmesh/protocol'
import type { StoreReader } from '../store/index.js'

/**
 * The objects a bundle needs beside its payload so that a consumer can resolve every
 * reference (STIX 2.1 §3.4 created_by_ref, §7.2 markings, §7.3 extension-definitions).
 * The store is asked first (the exact stored JSON, e.g. a peer's signed identity); the
 * objects every node ships (TLP 1.0/2.0 markings, the TLP 2.0 and certmesh signature
 * extension-definitions and the certmesh project identity) come from the protocol.
 */
const BUILT_IN: ReadonlyMap<string, string> = new Map(
  [
    ...tlpMarkingDefinitions(),
    ...(Object.keys(TLP1_MARKING_IDS) as Tlp1[]).map(tlp1MarkingDefinition),
    tlp2ExtensionDefinition(),
    signatureExtensionDefinition,
    certmeshProjectIdentity,
  ].map((o) => [o.id, JSON.stringify(o)] as const),
)

/** The JSON text of a referenced object this node knows, or undefined. */
export function resolveReference(store: StoreReader, id: string): string | undefined {
  return store.get(id)?.json ?? BUILT_IN.get(id)
}

type Json = Record<string, unknown>

/**
 * References every consumer needs to read an object: its creator, its markings (object
 * and granular) and the extension-definitions its extensions name.
 */
export function metaReferences(o: Json, out: Set<string>): void {
  if (typeof o.created_by_ref === 'string') out.add(o.created_by_ref)
  if (Array.isArray(o.object_marking_refs)) for (const r of o.object_marking_refs) if (typeof r === 'string') out.add(r)
  if (Array.isArray(o.granular_markings)) {
    for (const g of o.granular_markings) {
      const ref = (g as Json | null)?.marking_ref
      if (typeof ref === 'string') out.add(ref)
    }
  }
  if (o.extensions !== null && typeof o.extensions === 'object') {
    for (const k of Object.keys(o.extensions)) if (k.startsWith('extension-definition--')) out.add(k)
  }
}

/**
 * Every top-level `*_ref` / `*_refs` of a payload object (a sighting's indicator, a
 * relationship's ends, a report's members) plus its meta references.
 */
export function allReferences(o: Json, out: Set<string>): void {
  metaReferences(o, out)
  for (const [k, v] of Object.entries(o)) {
    if (k.endsWith('_ref') && typeof v === 'string') out.add(v)
    else if (k.endsWith('_refs') && Array.isArray(v)) for (const r of v) if (typeof r === 'string') out.add(r)
  }
}

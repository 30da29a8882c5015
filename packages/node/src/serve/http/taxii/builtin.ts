import {
  certmeshProjectIdentity,
  signatureExtensionDefinition,
  TLP2_MARKING_CREATED,
  tlp2ExtensionDefinition,
  tlpMarkingDefinitions,
} from '@certmesh/protocol'
import type { StoredVersion } from '../../../store/types.js'
import { parseMicros } from './timestamps.js'

/** What an endpoint needs of a served object version; `StoredVersion` has it all. */
export type ServedVersion = Pick<StoredVersion, 'seq' | 'dateAdded' | 'id' | 'type' | 'specVersion' | 'modified' | 'json'>

/**
 * Every collection carries the objects its contents reference and every node ships
 * (DESIGN.md invariant 4): the five TLP 2.0 marking-definitions, the OASIS TLP 2.0
 * extension-definition they use, the certmesh signature extension-definition and the
 * certmesh project identity that created it. They are not rows of the store (ingest never
 * stores them), so they are served from here at fixed positions: date_added = the TLP 2.0
 * publication instant, and negative seq numbers, which no stored row has.
 */
const BUILTIN_DATE_ADDED = parseMicros(TLP2_MARKING_CREATED) ?? 0

const objects: readonly Record<string, unknown>[] = [
  ...tlpMarkingDefinitions(),
  tlp2ExtensionDefinition(),
  signatureExtensionDefinition,
  certmeshProjectIdentity,
] as unknown as Record<string, unknown>[]

export const BUILTIN_VERSIONS: readonly ServedVersion[] = objects.map((o, i) => ({
  seq: i - objects.length,
  dateAdded: BUILTIN_DATE_ADDED,
  id: o.id as string,
  type: o.type as string,
  specVersion: o.spec_version as string,
  // STIX 2.1 §3.2: an object without `modified` is versioned by `created`.
  modified: (o.modified ?? o.created) as string,
  json: JSON.stringify(o),
}))

const BUILTIN_IDS: ReadonlySet<string> = new Set(BUILTIN_VERSIONS.map((v) => v.id))

export function isServedBuiltin(id: string): boolean {
  return BUILTIN_IDS.has(id)
}

/**
 * Objects every node already ships (docs/protocol.md §4.3 and §5.2): the TLP 2.0 and TLP
 * 1.0 marking definitions, the OASIS TLP 2.0 extension-definition, and certmesh's
 * signature extension-definition with the project identity that created it. A bundle
 * that carries them is fine; they are known, never stored from input.
 */
import {
  CERTMESH_PROJECT_IDENTITY_ID,
  SIGNATURE_EXTENSION_ID,
  TLP1_MARKING_IDS,
  TLP2_EXTENSION_DEFINITION_ID,
  TLP2_MARKING_IDS,
} from '@certmesh/protocol'

const BUILTIN_IDS: ReadonlySet<string> = new Set([
  ...Object.values(TLP2_MARKING_IDS),
  ...Object.values(TLP1_MARKING_IDS),
  TLP2_EXTENSION_DEFINITION_ID,
  SIGNATURE_EXTENSION_ID,
  CERTMESH_PROJECT_IDENTITY_ID,
])

/** STIX ids compare case-insensitively in their UUID part (RFC 4122 §3). */
export function isBuiltinId(id: unknown): boolean {
  return typeof id === 'string' && BUILTIN_IDS.has(id.toLowerCase())
}

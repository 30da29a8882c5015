import { canonicalize } from '../canonical/jcs.js'
import { certmeshProjectIdentity, signatureExtensionDefinition } from '../sign/extension.js'
import { TLP1_MARKING_IDS, tlp1MarkingDefinition, tlp2ExtensionDefinition, tlpMarkingDefinitions, type Tlp1 } from '../tlp/markings.js'

/**
 * Objects every node ships (docs/protocol.md §4.3 and §5.2): the TLP 2.0 and 1.0 marking
 * definitions, the OASIS TLP 2.0 extension-definition, and certmesh's signature
 * extension-definition with the project identity that created it. They carry no
 * certmesh signature: a node recognises them by id and trusts its own copy.
 */
let canonicalById: Map<string, string> | undefined

function builtins(): Map<string, string> {
  if (!canonicalById) {
    const objects: { id: string }[] = [
      ...tlpMarkingDefinitions(),
      ...(Object.keys(TLP1_MARKING_IDS) as Tlp1[]).map((t) => tlp1MarkingDefinition(t)),
      tlp2ExtensionDefinition(),
      signatureExtensionDefinition,
      certmeshProjectIdentity,
    ]
    canonicalById = new Map(objects.map((o) => [o.id, canonicalize(o)]))
  }
  return canonicalById
}

/** STIX ids compare case-insensitively in their UUID part (RFC 4122 §3). */
export function isBuiltinId(id: unknown): boolean {
  return typeof id === 'string' && builtins().has(id.toLowerCase())
}

/** True when `obj` is exactly (in canonical form) one of the shipped objects. */
export function isBuiltinObject(obj: unknown): boolean {
  if (typeof obj !== 'object' || obj === null) return false
  const id = (obj as { id?: unknown }).id
  if (typeof id !== 'string') return false
  const expected = builtins().get(id.toLowerCase())
  if (expected === undefined) return false
  try {
    return canonicalize(obj) === expected
  } catch {
    return false
  }
}

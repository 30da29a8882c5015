/** The STIX 2.1 object categories (§4 SDOs, §5 SROs, §6 SCOs, §7 meta objects). */

export const SDO_TYPES: ReadonlySet<string> = new Set([
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator',
  'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data',
  'opinion', 'report', 'threat-actor', 'tool', 'vulnerability',
])

export const SRO_TYPES: ReadonlySet<string> = new Set(['relationship', 'sighting'])

export const SCO_TYPES: ReadonlySet<string> = new Set([
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file',
  'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url',
  'user-account', 'windows-registry-key', 'x509-certificate',
])

export const META_TYPES: ReadonlySet<string> = new Set(['marking-definition', 'extension-definition', 'language-content'])

export type StixCategory = 'sdo' | 'sro' | 'sco' | 'meta' | 'bundle' | 'custom'

export function categoryOf(type: string): StixCategory {
  if (SDO_TYPES.has(type)) return 'sdo'
  if (SRO_TYPES.has(type)) return 'sro'
  if (SCO_TYPES.has(type)) return 'sco'
  if (META_TYPES.has(type)) return 'meta'
  if (type === 'bundle') return 'bundle'
  return 'custom'
}

/** A check on the object type an identifier reference points to. */
export interface RefTarget {
  /** Words used in messages: "an identity", "an SDO or SCO". */
  expected: string
  allows(type: string): boolean
}

export function refTo(...types: string[]): RefTarget {
  const set = new Set(types)
  return { expected: types.map((t) => `'${t}'`).join(' or '), allows: (t) => set.has(t) }
}

/** Any identifier at all. */
export const ANY_REF: RefTarget = { expected: 'any object', allows: () => true }

/** Core SCOs, or custom types (a custom SCO cannot be told apart from a custom SDO). */
export const SCO_REF: RefTarget = { expected: 'a cyber-observable object', allows: (t) => { const c = categoryOf(t); return c === 'sco' || c === 'custom' } }

/** STIX 2.1 §5.1: relationships connect SDOs and SCOs, never SROs, meta objects or bundles. */
export const SDO_OR_SCO_REF: RefTarget = {
  expected: 'an SDO or SCO',
  allows: (t) => { const c = categoryOf(t); return c === 'sdo' || c === 'sco' || c === 'custom' },
}

/** STIX 2.1 §5.2: sighting_of_ref MUST reference an SDO. */
export const SDO_REF: RefTarget = {
  expected: 'an SDO',
  allows: (t) => { const c = categoryOf(t); return c === 'sdo' || c === 'custom' },
}

/** STIX 2.1 §4.13: observed-data object_refs point to SCOs and SROs. */
export const SCO_OR_SRO_REF: RefTarget = {
  expected: 'an SCO or SRO',
  allows: (t) => { const c = categoryOf(t); return c === 'sco' || c === 'sro' || c === 'custom' },
}

/** STIX 2.1 §7.1: language-content may not point at a bundle or another language-content. */
export const LANGUAGE_CONTENT_TARGET: RefTarget = {
  expected: 'an object other than a bundle or language-content',
  allows: (t) => t !== 'bundle' && t !== 'language-content',
}

/**
 * STIX 2.1 common data types and common properties (STIX 2.1 §2, §3, §7.1–7.3).
 * These are structural types only: the validator in `../validate/` is what enforces the
 * spec's MUSTs on untrusted input.
 */

/** `<object-type>--<uuid>` (STIX 2.1 §2.9). */
export type StixIdentifier = `${string}--${string}`

/** RFC 3339 timestamp in UTC with a `Z` suffix (STIX 2.1 §3.2). */
export type StixTimestamp = string

/** Hash algorithm name → hex digest (STIX 2.1 §2.7, hash-algorithm-ov). */
export type Hashes = Record<string, string>

/** STIX 2.1 §2.8: keys a–z, A–Z, 0–9, `-`, `_`; at most 250 characters. */
export type StixDictionary = Record<string, unknown>

export interface ExternalReference {
  source_name: string
  description?: string
  url?: string
  hashes?: Hashes
  external_id?: string
}

export interface KillChainPhase {
  kill_chain_name: string
  phase_name: string
}

/** STIX 2.1 §7.2.3: exactly one of `marking_ref` or `lang`. */
export interface GranularMarking {
  selectors: string[]
  marking_ref?: StixIdentifier
  lang?: string
}

export type ExtensionType =
  | 'new-sdo'
  | 'new-sco'
  | 'new-sro'
  | 'property-extension'
  | 'toplevel-property-extension'

/** One entry of an object's `extensions` dictionary (STIX 2.1 §7.3). */
export interface ExtensionEntry {
  extension_type?: ExtensionType
  [property: string]: unknown
}

export type Extensions = Record<string, ExtensionEntry>

/** Properties every STIX 2.1 object may carry (§3.1 + §7.2 markings). */
export interface StixCommonBase {
  type: string
  id: StixIdentifier
  spec_version?: '2.1'
  object_marking_refs?: StixIdentifier[]
  granular_markings?: GranularMarking[]
  extensions?: Extensions
}

/** Common properties of SDOs and SROs (STIX 2.1 §3.2 table). */
export interface StixCoreCommon extends StixCommonBase {
  spec_version: '2.1'
  created: StixTimestamp
  modified: StixTimestamp
  created_by_ref?: StixIdentifier
  revoked?: boolean
  labels?: string[]
  confidence?: number
  lang?: string
  external_references?: ExternalReference[]
}

/** Common properties of SCOs (STIX 2.1 §6.1). */
export interface ScoCommon extends StixCommonBase {
  defanged?: boolean
}

/**
 * Any STIX object, including custom `x-…` types and types defined by an
 * extension-definition. Custom properties are allowed (STIX 2.1 §11.1).
 */
export interface StixObjectBase extends StixCommonBase {
  created?: StixTimestamp
  modified?: StixTimestamp
  created_by_ref?: StixIdentifier
  revoked?: boolean
  labels?: string[]
  confidence?: number
  lang?: string
  external_references?: ExternalReference[]
  [property: string]: unknown
}

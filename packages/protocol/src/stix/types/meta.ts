/** STIX 2.1 Meta Objects (§7) and the Bundle (§8). */
import type {
  ExtensionType,
  ExternalReference,
  GranularMarking,
  Extensions,
  StixCoreCommon,
  StixIdentifier,
  StixTimestamp,
} from './common.js'
import type { StixObject } from './object.js'

/**
 * STIX 2.1 §7.2.1. Marking definitions are immutable: no `modified`, no `revoked`.
 * Either `definition_type` + `definition`, or an extension (e.g. TLP 2.0).
 */
export interface MarkingDefinition {
  type: 'marking-definition'
  spec_version: '2.1'
  id: StixIdentifier
  created: StixTimestamp
  created_by_ref?: StixIdentifier
  external_references?: ExternalReference[]
  object_marking_refs?: StixIdentifier[]
  granular_markings?: GranularMarking[]
  extensions?: Extensions
  name?: string
  definition_type?: string
  definition?: Record<string, unknown>
}

export interface StatementMarking {
  statement: string
}

export interface TlpMarking {
  tlp: 'white' | 'green' | 'amber' | 'red'
}

/** STIX 2.1 §7.3: created_by_ref is required here. */
export interface ExtensionDefinition extends StixCoreCommon {
  type: 'extension-definition'
  created_by_ref: StixIdentifier
  name: string
  description?: string
  schema: string
  version: string
  extension_types: ExtensionType[]
  /** Only with `toplevel-property-extension`. */
  extension_properties?: string[]
}

/** STIX 2.1 §7.1: `contents` maps a language tag to translated property values. */
export interface LanguageContent extends StixCoreCommon {
  type: 'language-content'
  object_ref: StixIdentifier
  object_modified?: StixTimestamp
  contents: Record<string, Record<string, unknown>>
}

export type StixMetaObject = MarkingDefinition | ExtensionDefinition | LanguageContent

/** STIX 2.1 §8. A 2.1 bundle carries no `spec_version` (that was STIX 2.0). */
export interface Bundle<T = StixObject> {
  type: 'bundle'
  id: StixIdentifier
  objects?: T[]
}

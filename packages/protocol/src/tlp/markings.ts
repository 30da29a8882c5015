import { TLP_LEVELS, tlpName, type Tlp } from './level.js'

/**
 * The well-known TLP marking-definition objects.
 *
 * TLP 2.0: the OASIS CTI TC publishes the five objects and the extension that defines
 * them in oasis-open/cti-stix-common-objects
 * (`extension-definition-specifications/tlp-2.0/`, `objects/marking-definition/`,
 * `objects/extension-definition/`). A TLP 2.0 marking-definition has no
 * `definition_type`/`definition` and no `created_by_ref`; its level travels in the
 * property-extension `tlp_2_0`. Consumers recognise these markings by id, so every
 * byte here must equal the publication (pinned in markings.test.ts).
 *
 * TLP 1.0: STIX 2.1 §7.2.1.4 predefines four `definition_type: "tlp"` objects. They are
 * only read (and mapped to TLP 2.0) by certmesh, never emitted for new objects.
 */

export const TLP2_EXTENSION_DEFINITION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'

/** `created` of all five TLP 2.0 objects, as published. */
export const TLP2_MARKING_CREATED = '2022-10-01T00:00:00.000Z'

/** `created` of the four STIX 2.1 TLP 1.0 objects (STIX 2.1 §7.2.1.4). */
export const TLP1_MARKING_CREATED = '2017-01-20T00:00:00.000Z'

export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = Object.freeze({
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
})

export type Tlp1 = 'white' | 'green' | 'amber' | 'red'

export const TLP1_MARKING_IDS: Readonly<Record<Tlp1, string>> = Object.freeze({
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
})

/**
 * TLP 1.0 → TLP 2.0. FIRST's TLP 2.0 renamed WHITE to CLEAR; GREEN, AMBER and RED keep
 * their names. AMBER+STRICT has no 1.0 ancestor.
 */
export const TLP1_TO_TLP2: Readonly<Record<Tlp1, Tlp>> = Object.freeze({
  white: 'clear',
  green: 'green',
  amber: 'amber',
  red: 'red',
})

export interface Tlp2MarkingDefinition {
  type: 'marking-definition'
  spec_version: '2.1'
  id: string
  created: string
  name: string
  extensions: Record<string, { extension_type: 'property-extension'; tlp_2_0: Tlp }>
}

export interface Tlp1MarkingDefinition {
  type: 'marking-definition'
  spec_version: '2.1'
  id: string
  created: string
  definition_type: 'tlp'
  name: string
  definition: { tlp: Tlp1 }
}

export interface Tlp2ExtensionDefinition {
  id: string
  type: 'extension-definition'
  spec_version: '2.1'
  name: string
  description: string
  created: string
  modified: string
  created_by_ref: string
  schema: string
  version: string
  extension_types: string[]
}

/** A fresh copy of the published TLP 2.0 marking-definition for `tlp`. */
export function tlpMarkingDefinition(tlp: Tlp): Tlp2MarkingDefinition {
  // Key order follows the publication, so a pretty-printed copy reads the same.
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP2_MARKING_IDS[tlp],
    created: TLP2_MARKING_CREATED,
    name: tlpName(tlp),
    extensions: {
      [TLP2_EXTENSION_DEFINITION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp },
    },
  }
}

/**
 * The five TLP 2.0 marking-definitions, least restrictive first: they ship with every
 * node and in every TAXII collection (DESIGN.md invariant 4). Fresh copies each call,
 * so a caller cannot alter what another caller receives.
 */
export function tlpMarkingDefinitions(): Tlp2MarkingDefinition[] {
  return TLP_LEVELS.map(tlpMarkingDefinition)
}

/** A fresh copy of the STIX 2.1 TLP 1.0 marking-definition for `tlp1`. */
export function tlp1MarkingDefinition(tlp1: Tlp1): Tlp1MarkingDefinition {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP1_MARKING_IDS[tlp1],
    created: TLP1_MARKING_CREATED,
    definition_type: 'tlp',
    name: `TLP:${tlp1.toUpperCase()}`,
    definition: { tlp: tlp1 },
  }
}

/**
 * A fresh copy of the OASIS extension-definition object that declares the TLP 2.0
 * property-extension (objects/extension-definition/ in cti-stix-common-objects).
 */
export function tlp2ExtensionDefinition(): Tlp2ExtensionDefinition {
  return {
    id: TLP2_EXTENSION_DEFINITION_ID,
    type: 'extension-definition',
    spec_version: '2.1',
    name: 'TLP 2.0',
    description: 'This defines TLP 2.0 as a STIX extension',
    created: TLP2_MARKING_CREATED,
    modified: TLP2_MARKING_CREATED,
    created_by_ref: 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01',
    schema:
      'https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0',
    version: '1.0.0',
    extension_types: ['property-extension'],
  }
}

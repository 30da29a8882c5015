import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import {
  TLP1_MARKING_IDS,
  TLP2_EXTENSION_DEFINITION_ID,
  TLP2_MARKING_IDS,
  tlp1MarkingDefinition,
  tlp2ExtensionDefinition,
  tlpMarkingDefinition,
  tlpMarkingDefinitions,
} from './markings.js'

/**
 * Pinned against the OASIS publication (oasis-open/cti-stix-common-objects,
 * objects/marking-definition/*.json and extension-definition-specifications/tlp-2.0/examples/),
 * typed here independently of the table in markings.ts so that a typo in either shows.
 */
const published = (id: string, name: string, tlp: string) => ({
  type: 'marking-definition',
  spec_version: '2.1',
  id,
  created: '2022-10-01T00:00:00.000Z',
  name,
  extensions: {
    'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: tlp },
  },
})

describe('TLP 2.0 marking-definitions', () => {
  it('equal the five objects OASIS publishes, least restrictive first', () => {
    expect(tlpMarkingDefinitions()).toStrictEqual([
      published('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', 'TLP:CLEAR', 'clear'),
      published('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'TLP:GREEN', 'green'),
      published('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'TLP:AMBER', 'amber'),
      published('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', 'TLP:AMBER+STRICT', 'amber+strict'),
      published('marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1', 'TLP:RED', 'red'),
    ])
  })

  it('use the ids written in DESIGN.md invariant 4', () => {
    expect(TLP2_MARKING_IDS).toEqual({
      clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    })
    expect(TLP2_EXTENSION_DEFINITION_ID).toBe('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d')
  })

  it('are fresh copies: changing one does not change the next caller\'s', () => {
    const first = tlpMarkingDefinitions()
    first[0]!.name = 'tampered'
    first[4]!.extensions[TLP2_EXTENSION_DEFINITION_ID]!.tlp_2_0 = 'clear'
    expect(tlpMarkingDefinitions()[0]!.name).toBe('TLP:CLEAR')
    expect(tlpMarkingDefinition('red').extensions[TLP2_EXTENSION_DEFINITION_ID]!.tlp_2_0).toBe('red')
    expect(Object.isFrozen(TLP2_MARKING_IDS)).toBe(true)
  })
})

describe('the TLP 2.0 extension-definition', () => {
  it('equals the object OASIS publishes in objects/extension-definition/', () => {
    expect(tlp2ExtensionDefinition()).toStrictEqual({
      id: 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d',
      type: 'extension-definition',
      spec_version: '2.1',
      name: 'TLP 2.0',
      description: 'This defines TLP 2.0 as a STIX extension',
      created: '2022-10-01T00:00:00.000Z',
      modified: '2022-10-01T00:00:00.000Z',
      created_by_ref: 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01',
      schema: 'https://github.com/oasis-open/cti-stix-common-objects/tree/master/extension-definition-specifications/tlp-2.0',
      version: '1.0.0',
      extension_types: ['property-extension'],
    })
  })
})

describe('TLP 1.0 marking-definitions (STIX 2.1 §7.2.1.4)', () => {
  it('have the predefined ids and bodies', () => {
    expect(tlp1MarkingDefinition('white')).toStrictEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: 'TLP:WHITE',
      definition: { tlp: 'white' },
    })
    expect(TLP1_MARKING_IDS).toEqual({
      white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
      green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
      red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
    })
    expect(tlp1MarkingDefinition('red').name).toBe('TLP:RED')
  })
})

const OASIS_STIX = corpusPath('stix') // announces the skip when the corpus is absent

describe.skipIf(!corpusAvailable)('against the OASIS files in the shared corpus', () => {
  const readJson = (...parts: string[]): any => JSON.parse(readFileSync(join(OASIS_STIX, ...parts), 'utf8'))

  it('TLP:AMBER equals the validator example tlp-amber.json', () => {
    const bundle = readJson('validator-examples', 'v21', 'tlp-amber.json')
    expect(tlpMarkingDefinition('amber')).toStrictEqual(bundle.objects[0])
  })

  it('the TLP 1.0 objects satisfy the 2.1 JSON schema\'s tlp_* definitions', () => {
    const schema = readJson('stix2-json-schemas', 'schemas', 'common', 'marking-definition.json')
    for (const level of ['white', 'green', 'amber', 'red'] as const) {
      const rule = schema.definitions[`tlp_${level}`].properties
      const obj = tlp1MarkingDefinition(level)
      expect(rule.id.enum).toEqual([obj.id])
      expect(rule.name.enum).toEqual([obj.name])
      expect(rule.definition.properties.tlp.enum).toEqual([level])
    }
    const tlpBranch = schema.oneOf[1].properties
    expect(tlpBranch.created.enum).toEqual([tlp1MarkingDefinition('green').created])
  })
})

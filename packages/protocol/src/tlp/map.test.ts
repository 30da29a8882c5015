import { describe, expect, it } from 'vitest'
import { TlpParseError } from './errors.js'
import {
  isTlp1MarkingId,
  isTlpLabel,
  markingIdForTlp,
  parseTlpArgument,
  tlpFromLabel,
  tlpFromMarkingDefinition,
  tlpFromMarkingId,
} from './map.js'
import { TLP2_EXTENSION_DEFINITION_ID, tlp1MarkingDefinition, tlpMarkingDefinitions } from './markings.js'

const CLEAR = 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487'
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'
const WHITE1 = 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'
const AMBER1 = 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82'

describe('tlpFromMarkingId', () => {
  it('reads the five TLP 2.0 ids', () => {
    expect(tlpFromMarkingId(CLEAR)).toBe('clear')
    expect(tlpFromMarkingId('marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb')).toBe('green')
    expect(tlpFromMarkingId('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421')).toBe('amber')
    expect(tlpFromMarkingId('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003')).toBe('amber+strict')
    expect(tlpFromMarkingId(RED)).toBe('red')
  })

  it('maps the four TLP 1.0 ids, WHITE to clear', () => {
    expect(tlpFromMarkingId(WHITE1)).toBe('clear')
    expect(tlpFromMarkingId('marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da')).toBe('green')
    expect(tlpFromMarkingId(AMBER1)).toBe('amber')
    expect(tlpFromMarkingId('marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed')).toBe('red')
  })

  it('accepts upper-case hex, rejects everything else', () => {
    expect(tlpFromMarkingId(RED.toUpperCase().replace('MARKING-DEFINITION', 'marking-definition'))).toBe('red')
    expect(tlpFromMarkingId('marking-definition--479081c8-3a60-4eb8-b410-96a30f395def')).toBeUndefined()
    expect(tlpFromMarkingId(` ${CLEAR}`)).toBeUndefined()
    expect(tlpFromMarkingId('')).toBeUndefined()
    expect(tlpFromMarkingId(42 as unknown as string)).toBeUndefined()
  })

  it('tells TLP 1.0 ids apart', () => {
    expect(isTlp1MarkingId(WHITE1)).toBe(true)
    expect(isTlp1MarkingId(CLEAR)).toBe(false)
  })
})

describe('markingIdForTlp', () => {
  it('gives the TLP 2.0 id, and round-trips every level', () => {
    expect(markingIdForTlp('clear')).toBe(CLEAR)
    for (const def of tlpMarkingDefinitions()) {
      const tlp = def.extensions[TLP2_EXTENSION_DEFINITION_ID]!.tlp_2_0
      expect(markingIdForTlp(tlp)).toBe(def.id)
      expect(tlpFromMarkingId(markingIdForTlp(tlp))).toBe(tlp)
    }
  })
})

describe('tlpFromLabel', () => {
  it.each([
    ['tlp:clear', 'clear'],
    ['TLP:CLEAR', 'clear'],
    ['tlp:white', 'clear'],
    ['  TLP:White ', 'clear'],
    ['tlp:green', 'green'],
    ['tlp:amber', 'amber'],
    ['tlp:amber+strict', 'amber+strict'],
    ['TLP:AMBER+STRICT', 'amber+strict'],
    ['TLP: RED', 'red'],
  ])('%j → %s', (label, tlp) => {
    expect(tlpFromLabel(label)).toBe(tlp)
  })

  it.each(['red', 'amber', 'tlp:ex:chr', 'tlp:unclear', 'tlp:amber strict', 'tlp:', 'malicious-activity', ''])(
    '%j is not a TLP level',
    (label) => {
      expect(tlpFromLabel(label)).toBeUndefined()
    },
  )

  it('isTlpLabel flags TLP-looking labels even when unknown, so importers can fail closed', () => {
    expect(isTlpLabel('tlp:ex:chr')).toBe(true)
    expect(isTlpLabel(' TLP:AMBER')).toBe(true)
    expect(isTlpLabel('red')).toBe(false)
    expect(isTlpLabel('x-tlp:red')).toBe(false)
  })
})

describe('parseTlpArgument', () => {
  it.each([
    ['clear', 'clear'],
    ['green', 'green'],
    ['AMBER', 'amber'],
    ['amber+strict', 'amber+strict'],
    ['tlp:amber+strict', 'amber+strict'],
    ['TLP:RED', 'red'],
    ['white', 'clear'],
    [' green ', 'green'],
  ])('%j → %s', (text, tlp) => {
    expect(parseTlpArgument(text)).toBe(tlp)
  })

  it('rejects anything else with an error naming the input, the place and every valid value', () => {
    let error: unknown
    try {
      parseTlpArgument('amber-strict', '--tlp')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(TlpParseError)
    const err = error as TlpParseError
    expect(err.name).toBe('TlpParseError')
    expect(err.input).toBe('amber-strict')
    expect(err.where).toBe('--tlp')
    expect(err.message).toBe(
      'invalid TLP level "amber-strict" in --tlp: expected one of clear, green, amber, amber+strict, red ' +
        '(case-insensitive, optionally prefixed with "tlp:"; "white" is read as clear)',
    )
  })

  it.each(['', 'purple', 'tlp:ex:chr', 'tlp', 'redd'])('rejects %j', (text) => {
    expect(() => parseTlpArgument(text)).toThrow(TlpParseError)
  })
})

describe('tlpFromMarkingDefinition', () => {
  it('reads every published TLP 2.0 and TLP 1.0 object', () => {
    expect(tlpMarkingDefinitions().map(tlpFromMarkingDefinition)).toEqual(['clear', 'green', 'amber', 'amber+strict', 'red'])
    expect(tlpFromMarkingDefinition(tlp1MarkingDefinition('white'))).toBe('clear')
    expect(tlpFromMarkingDefinition(tlp1MarkingDefinition('amber'))).toBe('amber')
  })

  it('reads the TLP 2.0 extension property under an unknown id', () => {
    const obj = {
      type: 'marking-definition',
      id: 'marking-definition--00000000-0000-4000-8000-000000000001',
      extensions: { [TLP2_EXTENSION_DEFINITION_ID]: { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    }
    expect(tlpFromMarkingDefinition(obj)).toBe('amber+strict')
  })

  it('reads definition_type tlp + definition.tlp (2.0 style, no name) under an unknown id', () => {
    const obj = { type: 'marking-definition', id: 'marking-definition--x', definition_type: 'tlp', definition: { tlp: 'green' } }
    expect(tlpFromMarkingDefinition(obj)).toBe('green')
    expect(tlpFromMarkingDefinition({ ...obj, definition_type: 'TLP', definition: { TLP: 'TLP:RED' } })).toBe('red')
  })

  it('reads a TLP name, and a definition_type written as a TLP label', () => {
    expect(tlpFromMarkingDefinition({ type: 'marking-definition', id: 'marking-definition--x', name: 'TLP:AMBER' })).toBe('amber')
    expect(tlpFromMarkingDefinition({ type: 'marking-definition', id: 'marking-definition--x', definition_type: 'TLP:CLEAR' })).toBe(
      'clear',
    )
  })

  it('maps the Elastic quirk (TLP:WHITE id, definition clear, name TLP:CLEAR) to clear', () => {
    const quirk = {
      type: 'marking-definition',
      spec_version: '2.1',
      id: WHITE1,
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: 'TLP:CLEAR',
      definition: { tlp: 'clear' },
    }
    expect(tlpFromMarkingDefinition(quirk)).toBe('clear')
  })

  it('takes the most restrictive when the signals disagree', () => {
    const obj = { type: 'marking-definition', id: CLEAR, name: 'TLP:AMBER', definition_type: 'tlp', definition: { tlp: 'green' } }
    expect(tlpFromMarkingDefinition(obj)).toBe('amber')
  })

  it('makes an unreadable TLP claim RED (fail-closed)', () => {
    const base = { type: 'marking-definition', id: CLEAR }
    expect(tlpFromMarkingDefinition({ ...base, definition_type: 'tlp', definition: { tlp: 'purple' } })).toBe('red')
    expect(tlpFromMarkingDefinition({ ...base, definition_type: 'tlp' })).toBe('red')
    expect(tlpFromMarkingDefinition({ ...base, extensions: { [TLP2_EXTENSION_DEFINITION_ID]: { tlp_2_0: 7 } } })).toBe('red')
    expect(tlpFromMarkingDefinition({ ...base, name: 'TLP:EX:CHR' })).toBe('red')
  })

  it('answers undefined for non-TLP markings and non-markings', () => {
    const statement = {
      type: 'marking-definition',
      id: 'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168',
      definition_type: 'statement',
      definition: { statement: 'Copyright 2015-2023, The MITRE Corporation.' },
    }
    expect(tlpFromMarkingDefinition(statement)).toBeUndefined()
    expect(tlpFromMarkingDefinition({ type: 'indicator', id: CLEAR })).toBeUndefined()
    expect(tlpFromMarkingDefinition(null)).toBeUndefined()
    expect(tlpFromMarkingDefinition([tlp1MarkingDefinition('red')])).toBeUndefined()
  })
})

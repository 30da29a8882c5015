import { describe, expect, it } from 'vitest'
import { signatureExtensionDefinition } from '../sign/extension.js'
import { tlpMarkingDefinition } from '../tlp/markings.js'
import { isBuiltinId, isBuiltinObject } from './builtin.js'

describe('built-in objects', () => {
  it('recognises the shipped TLP markings and extension definition by id and by content', () => {
    const amber = tlpMarkingDefinition('amber')
    expect(isBuiltinId(amber.id)).toBe(true)
    expect(isBuiltinId(amber.id.toUpperCase().replace('MARKING-DEFINITION', 'marking-definition'))).toBe(true)
    expect(isBuiltinObject(JSON.parse(JSON.stringify(amber)))).toBe(true)
    expect(isBuiltinObject(signatureExtensionDefinition)).toBe(true)
  })

  it('refuses a look-alike with a built-in id but other content', () => {
    const fake = { ...tlpMarkingDefinition('clear'), name: 'TLP:CLEAR (really RED)' }
    expect(isBuiltinId(fake.id)).toBe(true)
    expect(isBuiltinObject(fake)).toBe(false)
    expect(isBuiltinObject({ id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' })).toBe(false)
  })
})

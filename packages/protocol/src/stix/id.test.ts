import { describe, expect, it } from 'vitest'
import {
  InvalidStixIdError, idType, isStixId, isValidTypeName, newStixId, parseStixId, stixIdProblem, typeNameProblem, uuidProblem, uuidV4, uuidVersion,
} from './id.js'

describe('type names (STIX 2.1 §3.1)', () => {
  it.each(['indicator', 'x-mitre-tactic', 'abc', 'a1-b2', 'x'.repeat(250)])('accepts %s', (name) => {
    expect(typeNameProblem(name)).toBeUndefined()
  })
  it.each([
    ['ab', 'shorter'],
    ['x'.repeat(251), 'longer'],
    ['Indicator', 'a-z'],
    ['x_custom', 'a-z'],
    ['x--y', "'--'"],
    ['1abc', 'letter'],
    ['-abc', 'letter'],
  ])('rejects %s', (name, why) => {
    expect(typeNameProblem(name)).toContain(why)
    expect(isValidTypeName(name)).toBe(false)
  })
})

describe('UUIDs', () => {
  it('accepts versions 1-5 with the RFC 4122 variant, in either case', () => {
    for (const v of '12345') expect(uuidProblem(`8e2e2d2b-17d4-${v}cbf-938f-98ee46b3cd3f`)).toBeUndefined()
    expect(uuidProblem('8E2E2D2B-17D4-4CBF-B38F-98EE46B3CD3F')).toBeUndefined()
  })
  it('rejects bad syntax, versions and variants', () => {
    expect(uuidProblem('8e2e2d2b17d44cbf938f98ee46b3cd3f')).toContain('8-4-4-4-12')
    expect(uuidProblem('8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f')).toContain('version 0')
    expect(uuidProblem('8e2e2d2b-17d4-7cbf-938f-98ee46b3cd3f')).toContain('version 7')
    expect(uuidProblem('8e2e2d2b-17d4-4cbf-c38f-98ee46b3cd3f')).toContain('variant')
    expect(uuidProblem('00000000-0000-0000-0000-000000000000')).toBeDefined()
  })
  it('uuidV4 produces distinct version-4 UUIDs', () => {
    const a = uuidV4()
    const b = uuidV4()
    expect(a).not.toBe(b)
    expect(uuidVersion(a)).toBe(4)
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

describe('identifiers (STIX 2.1 §2.9)', () => {
  it('parses a valid identifier, SCO v5 ids included', () => {
    expect(parseStixId('indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).toEqual({ type: 'indicator', uuid: '8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f' })
    expect(isStixId('ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd')).toBe(true)
    expect(idType('x-mitre-tactic--69da72d2-f550-41c5-ab9e-e8255707f28a')).toBe('x-mitre-tactic')
  })
  it.each([
    ['indicator', '<type>--<uuid>'],
    ['indicator--', 'UUID'],
    ['Indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', 'object type'],
    ['indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3', 'UUID'],
    ['x-foo---8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', 'object type'],
  ])('rejects %s', (id, why) => {
    expect(stixIdProblem(id)).toContain(why)
    expect(isStixId(id)).toBe(false)
    expect(parseStixId(id)).toBeUndefined()
  })
  it('isStixId rejects non-strings', () => {
    expect(isStixId(42)).toBe(false)
  })
  it('newStixId builds ids and refuses bad parts with a typed error', () => {
    expect(newStixId('indicator')).toMatch(/^indicator--[0-9a-f-]{36}$/)
    expect(newStixId('file', 'ff26c055-6336-5bc5-b98d-13d6226742dd')).toBe('file--ff26c055-6336-5bc5-b98d-13d6226742dd')
    expect(() => newStixId('Bad')).toThrow(InvalidStixIdError)
    expect(() => newStixId('file', 'nope')).toThrow(/UUID 'nope'/)
  })
})

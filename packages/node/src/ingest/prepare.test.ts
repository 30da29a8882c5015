import { canonicalize, parsePattern, patternDedupKey } from '@certmesh/protocol'
import { describe, expect, it } from 'vitest'
import { prepareVersion, PrepareError, sha256Hex } from './prepare.js'
import { defaultMatcher } from './test-support.js'

const indicator = (pattern: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--33fe3b22-0201-47cf-85d0-97c02164528d',
  created: '2024-05-08T09:00:00.000Z',
  modified: '2024-05-08T09:00:00.000Z',
  pattern,
  pattern_type: 'stix',
  valid_from: '2024-05-08T09:00:00.000000Z',
  valid_until: '2025-05-08T09:00:00Z',
  confidence: 70,
  object_marking_refs: ['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'],
  ...extra,
})

describe('prepareVersion', () => {
  it('keeps the text, hashes it and reads the indexed fields', () => {
    const obj = indicator("[ipv4-addr:value = '198.51.100.7/32'] OR [domain-name:value = 'Evil.EXAMPLE.']")
    const json = canonicalize(obj)
    const v = prepareVersion(obj, json, { origin: 'import', signer: 'A'.repeat(43) })
    expect(v.json).toBe(json)
    expect(v.hash).toBe(sha256Hex(json))
    expect(v.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(v).toMatchObject({ id: obj.id, type: 'indicator', specVersion: '2.1', modified: obj.modified, tlp: 'green', confidence: 70, revoked: false, origin: 'import', signer: 'A'.repeat(43) })
    expect(v.validFrom).toBe(Date.UTC(2024, 4, 8, 9))
    expect(v.validUntil).toBe(Date.UTC(2025, 4, 8, 9))
    const keys = v.observables.map((o) => o.key)
    expect(keys).toEqual([
      'ipv4-addr:value=198.51.100.7',
      'domain-name:value=evil.example',
      `pattern:${patternDedupKey(parsePattern(obj.pattern as string))}`,
    ])
    expect(v.observables[0]?.network).toEqual({ version: 4, bytes: Uint8Array.from([198, 51, 100, 7]), prefix: 32 })
    expect(v.observables[2]).toMatchObject({ type: 'pattern', property: 'dedup' })
    expect(v.flags).toBeUndefined()
  })

  it('equivalent patterns share the pseudo-observable key', () => {
    const a = prepareVersion(indicator("[file:hashes.sha256 = 'AB" + 'c'.repeat(62) + "'] OR [url:value = 'http://a.example/']"), '{}', { origin: 'import' })
    const b = prepareVersion(indicator("[url:value = 'http://a.example/'] OR [file:hashes.'SHA-256' = 'ab" + 'C'.repeat(62) + "']"), '{}', { origin: 'import' })
    expect(a.observables.at(-1)?.key).toMatch(/^pattern:/)
    expect(a.observables.at(-1)?.key).toBe(b.observables.at(-1)?.key)
  })

  it('one comparison of one observable needs no pseudo-observable: its own key finds it', () => {
    const v = prepareVersion(indicator("[file:hashes.sha256 = 'AB" + 'c'.repeat(62) + "']"), '{}', { origin: 'import' })
    expect(v.observables.map((o) => o.key)).toEqual([`file:hashes.SHA-256=ab${'c'.repeat(62)}`])
  })

  it('skips invalid values inside a pattern and flags warninglist hits', async () => {
    const v = prepareVersion(indicator("[ipv4-addr:value = '999.1.1.1' OR ipv4-addr:value = '10.1.2.3']"), '{}', { origin: 'x', matcher: await defaultMatcher() })
    expect(v.observables.map((o) => o.value).slice(0, -1)).toEqual(['10.1.2.3'])
    expect(v.flags?.some((f) => f.startsWith('warninglist:'))).toBe(true)
    expect(v.observables[0]?.network).toEqual({ version: 4, bytes: Uint8Array.from([10, 1, 2, 3]), prefix: 32 })
  })

  it('an object without markings has tlp null; an unknown marking is red', () => {
    expect(prepareVersion(indicator("[url:value = 'http://a.example/']", { object_marking_refs: undefined }), '{}', { origin: 'x' }).tlp).toBeNull()
    const red = indicator("[url:value = 'http://a.example/']", { object_marking_refs: ['marking-definition--3a65884d-0000-4000-8000-000000000000'] })
    expect(prepareVersion(red, '{}', { origin: 'x' }).tlp).toBe('red')
  })

  it('non-indicators have no observables; marking definitions use created as modified', () => {
    const v = prepareVersion({ type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--3a65884d-0000-4000-8000-000000000000', created: '2020-01-01T00:00:00.000Z', definition_type: 'statement', definition: { statement: 'x' } }, '{}', { origin: 'x' })
    expect(v.modified).toBe('2020-01-01T00:00:00.000Z')
    expect(v.observables).toEqual([])
  })

  it('refuses objects the store cannot version', () => {
    expect(() => prepareVersion({ type: 'ipv4-addr', id: 'ipv4-addr--33fe3b22-0201-47cf-85d0-97c02164528d', value: '1.2.3.4' }, '{}', { origin: 'x' })).toThrow(PrepareError)
    expect(() => prepareVersion(indicator('[broken'), '{}', { origin: 'x' })).toThrow(/pattern does not parse/)
  })
})

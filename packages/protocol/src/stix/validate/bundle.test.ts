import { describe, expect, it } from 'vitest'
import { validateBundle } from './bundle.js'

const T = '2024-03-01T10:00:00.000Z'
const identity = { type: 'identity', spec_version: '2.1', id: 'identity--0b1a2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', created: T, modified: T, name: 'CERT' }
const BUNDLE_ID = 'bundle--63ab8e67-acac-4817-845a-d09f0e86954c'

describe('validateBundle', () => {
  it('accepts a valid bundle and reports per-object results', () => {
    const r = validateBundle({ type: 'bundle', id: BUNDLE_ID, objects: [identity] })
    expect(r).toMatchObject({ valid: true, bundleIssues: [], issues: [], validObjects: 1, invalidObjects: 0 })
    expect(r.objects).toEqual([{ index: 0, id: identity.id, type: 'identity', issues: [] }])
  })

  it('accepts a bundle without objects', () => {
    expect(validateBundle({ type: 'bundle', id: BUNDLE_ID }).valid).toBe(true)
  })

  it('one bad object does not hide the good ones', () => {
    const r = validateBundle({ type: 'bundle', id: BUNDLE_ID, objects: [identity, { ...identity, name: 5 }, 'junk'] })
    expect(r.valid).toBe(false)
    expect(r.validObjects).toBe(1)
    expect(r.invalidObjects).toBe(2)
    expect(r.objects[1]?.issues.map((i) => `${i.index}:${i.rule}:${i.path}`)).toEqual(['1:property-type:name'])
    expect(r.objects[2]?.issues.map((i) => i.rule)).toEqual(['not-an-object'])
    expect(r.issues).toHaveLength(2)
  })

  it('checks the envelope: type, id, objects, 2.0 spec_version', () => {
    const r = validateBundle({ type: 'Bundle', id: 'bundle--x', spec_version: '2.0', objects: {} })
    expect(r.bundleIssues.map((i) => `${i.rule}:${i.path}`)).toEqual([
      'bundle-type:type', 'id-format:id', 'bundle-spec-version:spec_version', 'property-type:objects',
    ])
    expect(r.bundleIssues.every((i) => i.objectType === 'bundle')).toBe(true)
    expect(r.bundleIssues[2]?.message).toMatch(/upgrade/)
  })

  it('rejects an empty objects list and a non-object bundle', () => {
    expect(validateBundle({ type: 'bundle', id: BUNDLE_ID, objects: [] }).bundleIssues.map((i) => i.rule)).toEqual(['empty-list'])
    expect(validateBundle([identity]).bundleIssues.map((i) => i.rule)).toEqual(['not-an-object'])
  })

  it('passes options through to each object', () => {
    const ind = {
      type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T,
      pattern: 'bad', pattern_type: 'stix', valid_from: T,
    }
    const r = validateBundle({ type: 'bundle', id: BUNDLE_ID, objects: [ind] }, { checkPattern: () => 'nope' })
    expect(r.issues.map((i) => i.rule)).toEqual(['pattern-syntax'])
  })
})

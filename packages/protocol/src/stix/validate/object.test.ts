import { describe, expect, it } from 'vitest'
import { validateObject } from './object.js'

const T = '2024-03-01T10:00:00.000Z'
const indicator = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: T, modified: T,
  pattern: "[ipv4-addr:value = '198.51.100.7']", pattern_type: 'stix', valid_from: T, ...extra,
})
const rules = (issues: { rule: string }[]): string[] => issues.map((i) => i.rule).sort()

describe('validateObject', () => {
  it('accepts a minimal indicator', () => {
    expect(validateObject(indicator())).toEqual([])
  })

  it('collects every issue instead of stopping at the first', () => {
    const issues = validateObject(indicator({ spec_version: '2.0', confidence: 500, created_by_ref: 'nope', labels: [] }))
    expect(rules(issues)).toEqual(['empty-list', 'ref-format', 'spec-version', 'value-range'])
  })

  it('names the object, property and rule in each message, and fills id/type/index', () => {
    const [issue] = validateObject(indicator({ valid_until: '2024-01-01T00:00:00Z' }), {}, 7)
    expect(issue).toMatchObject({
      objectId: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', objectType: 'indicator', index: 7, path: 'valid_until', rule: 'timestamp-order',
    })
    expect(issue?.message).toMatch(/^indicator indicator--8e2e2d2b-\S+ at objects\[7\] property 'valid_until': .*\[timestamp-order\]$/)
  })

  it('uses JSON-pointer-ish paths into nested values', () => {
    const issues = validateObject(indicator({ external_references: [{ source_name: 'a', url: 'u' }, { url: 'u' }] }))
    expect(issues.map((i) => i.path)).toEqual(['external_references[1].source_name'])
  })

  it('rejects non-objects', () => {
    for (const v of [null, 'indicator', 3, [indicator()]]) expect(rules(validateObject(v))).toEqual(['not-an-object'])
  })

  describe('pattern hook', () => {
    const checkPattern = (p: string): string | undefined => (p.startsWith('[') ? undefined : `unexpected '${p[0]}' at 0`)
    it('reports the hook message as pattern-syntax for stix patterns', () => {
      const issues = validateObject(indicator({ pattern: 'ipv4-addr:value = 1' }), { checkPattern })
      expect(rules(issues)).toEqual(['pattern-syntax'])
      expect(issues[0]?.message).toContain("unexpected 'i' at 0")
    })
    it('is not called for other pattern types, nor when valid', () => {
      let calls = 0
      const hook = (_p: string, t: string): undefined => { calls += 1; expect(t).toBe('stix'); return undefined }
      expect(validateObject(indicator({ pattern_type: 'yara', pattern: 'rule x {}' }), { checkPattern: hook })).toEqual([])
      expect(validateObject(indicator(), { checkPattern: hook })).toEqual([])
      expect(calls).toBe(1)
    })
  })

  describe('custom and unknown types', () => {
    it('accepts an unknown SDO-like type whose common properties are valid', () => {
      expect(validateObject({ type: 'x-mitre-tactic', spec_version: '2.1', id: 'x-mitre-tactic--69da72d2-f550-41c5-ab9e-e8255707f28a', created: T, modified: T, x_mitre_shortname: 'ics' })).toEqual([])
    })
    it('requires spec_version and modified once an unknown type carries created', () => {
      const issues = validateObject({ type: 'x-thing', id: 'x-thing--69da72d2-f550-41c5-ab9e-e8255707f28a', created: T })
      expect(issues.map((i) => `${i.rule}:${i.path}`).sort()).toEqual(['required-property:modified', 'required-property:spec_version'])
    })
    it('still checks common properties of unknown types', () => {
      const issues = validateObject({ type: 'x-thing', id: 'x-thing--69da72d2-f550-41c5-ab9e-e8255707f28a', object_marking_refs: ['identity--69da72d2-f550-41c5-ab9e-e8255707f28a'] })
      expect(rules(issues)).toEqual(['ref-type'])
    })
  })

  it('does not require spec_version on SCOs, and requires their own properties', () => {
    expect(validateObject({ type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '10.0.0.1' })).toEqual([])
    expect(validateObject({ type: 'file', id: 'file--ff26c055-6336-5bc5-b98d-13d6226742dd', size: 1 }).map((i) => i.rule)).toEqual(['required-one-of'])
  })

  it('requires created_by_ref on extension-definition', () => {
    const issues = validateObject({
      type: 'extension-definition', spec_version: '2.1', id: 'extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e', created: T, modified: T,
      name: 'n', schema: 's', version: '1', extension_types: ['new-sdo'],
    })
    expect(issues.map((i) => `${i.rule}:${i.path}`)).toEqual(['required-property:created_by_ref'])
  })

  it('checks predefined extensions against the type that may carry them', () => {
    const issues = validateObject({
      type: 'ipv4-addr', id: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', value: '10.0.0.1', extensions: { 'archive-ext': { contains_refs: ['file--ff26c055-6336-5bc5-b98d-13d6226742dd'] } },
    })
    expect(rules(issues)).toEqual(['extension-key'])
  })

  it('checks reference targets inside predefined extensions', () => {
    const issues = validateObject({
      type: 'network-traffic', id: 'network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d', src_ref: 'ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd', protocols: ['http'],
      extensions: { 'http-request-ext': { request_method: 'get', request_value: '/', message_body_data_ref: 'file--ff26c055-6336-5bc5-b98d-13d6226742dd' } },
    })
    expect(issues.map((i) => `${i.rule}:${i.path}`)).toEqual(['ref-type:extensions.http-request-ext.message_body_data_ref'])
  })

  it('validates IPv6 values', () => {
    const v6 = (value: string) => validateObject({ type: 'ipv6-addr', id: 'ipv6-addr--1e61d36c-a16c-53b7-a80f-2a00161c96b1', value }).map((i) => i.rule)
    for (const ok of ['::', '::1', '2001:db8::/32', 'fe80::1:2:3:4', '1:2:3:4:5:6:7:8', '::ffff:10.0.0.1']) expect(v6(ok), ok).toEqual([])
    for (const bad of ['1:2:3:4:5:6:7:8:9', '2001:db8:::1', '10.0.0.1', 'g::1', '::1/129', '1::2::3']) expect(v6(bad), bad).toEqual(['value-format'])
  })
})

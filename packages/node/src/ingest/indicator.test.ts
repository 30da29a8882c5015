import { checkStixPattern, normaliseObservable, validateObject, verifyObject } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { describe, expect, it } from 'vitest'
import { DAY_MS } from './constants.js'
import { buildIndicator, stixTime, validityWindow } from './indicator.js'
import { testSigner } from './test-support.js'

const signer = testSigner('ours')
const NOW = Date.UTC(2026, 10, 28, 9, 0, 0, 123)
const ctx = { signer, now: NOW, validityDays: { 'ipv4-addr': 30, file: 365 } }
const ip = normaliseObservable('ipv4-addr', 'value', '203.0.113.9')

describe('buildIndicator', () => {
  it('is a valid, signed STIX 2.1 indicator created by our identity', () => {
    const obj = buildIndicator(ip, { tlp: 'amber+strict', confidence: 75, labels: ['c2', ' '], description: 'd' }, ctx)
    expect(validateObject(obj, { checkPattern: checkStixPattern })).toEqual([])
    expect(verifyObject(obj, nodeEd25519)).toMatchObject({ ok: true, publicKeyB64: signer.publicKeyB64 })
    expect(obj).toMatchObject({
      type: 'indicator', spec_version: '2.1', created_by_ref: signer.identityId, created: '2026-11-28T09:00:00.123Z', modified: '2026-11-28T09:00:00.123Z',
      name: 'IPv4 203.0.113.9', pattern: "[ipv4-addr:value = '203.0.113.9']", pattern_type: 'stix', indicator_types: ['malicious-activity'],
      valid_from: '2026-11-28T09:00:00.123Z', valid_until: stixTime(NOW + 30 * DAY_MS), labels: ['c2'], description: 'd', confidence: 75,
      object_marking_refs: ['marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003'],
    })
    expect(buildIndicator(ip, { tlp: 'amber', confidence: 1 }, ctx).id).not.toBe(obj.id)
  })

  it('keeps a given validity and puts a name detail after the generated name', () => {
    const file = normaliseObservable('file', 'hashes.SHA-256', 'A'.repeat(64))
    const from = Date.UTC(2022, 3, 21)
    const obj = buildIndicator(file, { tlp: 'green', confidence: 50, validFrom: from, nameDetail: 'mdworker3' }, ctx)
    expect(obj.name).toBe(`File SHA-256 ${'a'.repeat(64)} (mdworker3)`)
    expect(obj.valid_from).toBe(stixTime(from))
    expect(obj.valid_until).toBe(stixTime(NOW + 365 * DAY_MS))
  })

  it('refuses a validity that ends before it starts', () => {
    expect(validityWindow(ip, { tlp: 'green', confidence: 50, validFrom: NOW, validUntil: NOW - 1 }, ctx)).toMatch(/^valid_until .* must be later than valid_from/)
    expect(() => buildIndicator(ip, { tlp: 'green', confidence: 50, validUntil: NOW }, ctx)).toThrow(RangeError)
  })
})

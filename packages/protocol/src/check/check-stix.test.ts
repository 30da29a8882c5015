import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { tlpMarkingDefinition } from '../tlp/markings.js'
import { checkStix } from './check-stix.js'

const vectors = join(dirname(fileURLToPath(import.meta.url)), '../../vectors/signatures')
const load = (p: string) => JSON.parse(readFileSync(join(vectors, p), 'utf8'))

const indicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-11-28T10:00:00.000Z',
  modified: '2026-11-28T10:00:00.000Z',
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-11-28T10:00:00Z',
}

describe('checkStix', () => {
  it('accepts a valid unsigned object, and says it is unsigned', () => {
    const r = checkStix(indicator)
    expect(r).toMatchObject({ kind: 'object', ok: true, objects: [{ ok: true, signature: 'unsigned', id: indicator.id }] })
  })

  it('requires a signature when asked', () => {
    const r = checkStix(indicator, { requireSignature: true })
    expect(r.ok).toBe(false)
    expect(r.objects[0]!.errors[0]!.rule).toBe('signature-unsigned')
  })

  it('does not ask the shipped TLP markings for a signature, but does ask a look-alike', () => {
    const amber = tlpMarkingDefinition('amber')
    expect(checkStix(amber, { requireSignature: true }).objects[0]).toMatchObject({ ok: true, signature: 'builtin' })
    const fake = { ...amber, name: 'TLP:AMBER (edited)' }
    expect(checkStix(fake, { requireSignature: true }).objects[0]).toMatchObject({ ok: false, signature: 'unsigned' })
  })

  it('reports a pattern syntax error with its column', () => {
    const r = checkStix({ ...indicator, pattern: "[ipv4-addr:value = '1.2.3.4'" })
    expect(r.ok).toBe(false)
    const e = r.objects[0]!.errors.find((x) => x.rule === 'pattern-syntax')
    expect(e?.message).toMatch(/column \d+/)
  })

  it('verifies signatures: a golden valid vector passes, a tampered one fails with its reason', () => {
    const good = load('valid/indicator.json')
    const r = checkStix(good.object ?? good)
    expect(r.objects[0]).toMatchObject({ ok: true, signature: 'valid' })
    const bad = load('invalid/changed-character.json')
    const r2 = checkStix(bad.object)
    expect(r2.objects[0]).toMatchObject({ ok: false, signature: 'invalid' })
    expect(r2.objects[0]!.errors.map((e) => e.rule)).toContain(`signature-${bad.expected.reason}`)
  })

  it('checks every object of a bundle and of a bare array, and points at the bad one', () => {
    const bad = { ...indicator, id: 'indicator--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', valid_until: '2020-01-01T00:00:00Z' }
    const bundle = { type: 'bundle', id: 'bundle--6c1ab4c2-4d43-4ec4-a5bb-c0f3d3b5a1d4', objects: [indicator, bad] }
    const r = checkStix(bundle)
    expect(r.kind).toBe('bundle')
    expect(r.ok).toBe(false)
    expect(r.objects.map((o) => o.ok)).toEqual([true, false])
    expect(r.objects[1]!.errors[0]).toMatchObject({ path: 'valid_until', rule: 'timestamp-order' })
    expect(checkStix([indicator, bad]).objects.map((o) => o.ok)).toEqual([true, false])
  })

  it('upgrades STIX 2.0 when asked and reports what changed', () => {
    const v20 = { type: 'bundle', id: 'bundle--6c1ab4c2-4d43-4ec4-a5bb-c0f3d3b5a1d4', spec_version: '2.0', objects: [
      { type: 'indicator', id: indicator.id, created: indicator.created, modified: indicator.modified, labels: ['malicious-activity'], pattern: indicator.pattern, valid_from: indicator.valid_from },
    ] }
    expect(checkStix(v20).ok).toBe(false)
    const r = checkStix(v20, { upgrade: true })
    expect(r.ok).toBe(true)
    expect(r.upgraded.length).toBeGreaterThan(0)
  })
})

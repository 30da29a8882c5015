// Verdicts over the shared corpus (../shared/corpus): see corpus/stix/README.md and the
// 'stix-real' section of corpus/README.md for where the expected verdicts come from.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../../test/corpus.js'
import { validateBundle } from './bundle.js'
import { categoryOf } from './categories.js'
import type { ValidationIssue } from './issue.js'
import { validateObject } from './object.js'

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.json') ? [p] : []
  })
}

function validateFile(path: string): ValidationIssue[] {
  const value = JSON.parse(readFileSync(path, 'utf8')) as { type?: unknown }
  return value.type === 'bundle' ? validateBundle(value).issues : validateObject(value)
}

// Resolved at load time so a missing corpus is announced once, even though every test skips.
const STIX_DIR = corpusPath('stix')
const REAL_DIR = corpusPath('stix-real')
const stix = (...p: string[]): string => join(STIX_DIR, ...p)
const real = (...p: string[]): string => join(REAL_DIR, ...p)
const bundleOf = (path: string) => validateBundle(JSON.parse(readFileSync(path, 'utf8')))

/** A python-stix2 test file written as a STIX 2.0 bundle (bundle spec_version, none on the object). */
const STIX20_BUNDLE = 'malware--b42378e0-f147-496f-992a-26a49705395b/20170531213215263882.json'

describe.skipIf(!corpusAvailable)('OASIS corpus', () => {
  it('every schemas example (threat reports included) is valid', () => {
    const files = walk(stix('stix2-json-schemas', 'examples'))
    expect(files.length).toBe(8)
    for (const f of files) expect(validateFile(f).map((i) => i.message), f).toEqual([])
  })

  it('every python-stix2 v21 data file is valid, except one written as a STIX 2.0 bundle', () => {
    const files = walk(stix('stix2-objects', 'python-stix2-test-v21-stix2_data'))
    expect(files.length).toBe(31)
    for (const f of files) {
      const issues = validateFile(f)
      if (f.endsWith(STIX20_BUNDLE)) {
        // The OASIS validator tolerates this 2.0-style bundle; we ask for an upgrade instead.
        expect(issues.map((i) => `${i.rule}:${i.path}`).sort()).toEqual(['bundle-spec-version:spec_version', 'required-property:spec_version'])
      } else {
        expect(issues.map((i) => i.message), f).toEqual([])
      }
    }
  })

  it('sco-examples-bundle fails only on the non-base64 artifact payloads, as the OASIS validator does', () => {
    const objects = JSON.parse(readFileSync(stix('stix2-objects', 'sco-examples-bundle.json'), 'utf8')) as unknown[]
    const issues = objects.flatMap((o, i) => validateObject(o, {}, i))
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.every((i) => i.rule === 'value-format' && i.path === 'payload_bin' && i.objectType === 'artifact')).toBe(true)
    expect(issues.map((i) => i.objectId)).toContain('artifact--ca17bcf8-9846-5ab4-8662-75c1bf6e63ee')
  })

  it('validator examples: valid_* pass, invalid JSON fails to parse, the rest fail for the right rule', () => {
    const dir = stix('validator-examples', 'v21')
    for (const name of ['identity.json', 'identity_custom.json', 'identity_unicode.json', 'identity_warning.json', 'tlp-amber.json', 'tool.json']) {
      expect(validateFile(join(dir, name)).map((i) => i.message), name).toEqual([])
    }
    for (const name of ['invalid_braces.json', 'invalid_comma.json']) {
      expect(() => JSON.parse(readFileSync(join(dir, name), 'utf8')), name).toThrow(SyntaxError)
    }
    const missing = validateFile(join(dir, 'invalid_identity.json'))
    expect(missing.map((i) => `${i.rule}:${i.path}`)).toEqual(['required-property:modified'])
    const order = validateFile(join(dir, 'invalid_timestamp.json'))
    expect(order.map((i) => `${i.rule}:${i.path}`)).toEqual(['timestamp-order:modified'])
  })
})

describe.skipIf(!corpusAvailable)('stix-real corpus', () => {
  it('jokerspy: the bundle and every object are invalid, each with a precise reason', () => {
    const r = bundleOf(real('elastic-labs', 'jokerspy.stix-bundle.json'))
    expect(r.bundleIssues.map((i) => `${i.rule}:${i.path}`)).toEqual(['required-property:id'])
    expect(r.objects).toHaveLength(6)
    expect(r.invalidObjects).toBe(6)
    for (const o of r.objects) expect(o.issues.some((i) => i.rule === 'required-property' && i.path === 'id')).toBe(true)
    expect(r.objects[0]?.issues.map((i) => i.path)).toContain('type')
    const indicators = r.objects.filter((o) => o.type === 'indicator')
    expect(indicators).toHaveLength(4)
    for (const o of indicators) expect(o.issues.map((i) => i.path)).toContain('valid_from')
  })

  it('CISA AA23-325A sample: all 25 objects valid (dangling refs are not a validation issue)', () => {
    const r = bundleOf(real('elastic-labs', 'cisa_sample_stix.json'))
    expect(r.objects).toHaveLength(25)
    expect(r.issues.map((i) => i.message)).toEqual([])
  })

  it.each(['bitsloth', 'rustbucket', 'ref6138', 'ref7001', 'warmcookie'])('%s: only the TLP:CLEAR marking reusing the TLP:WHITE id is rejected', (name) => {
    const r = bundleOf(real('elastic-labs', `${name}.stix-bundle.json`))
    expect(r.bundleIssues).toEqual([])
    expect(r.invalidObjects).toBe(1)
    expect(r.issues.map((i) => `${i.objectId}:${i.rule}`)).toEqual(['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9:tlp-marking'])
  })

  it('ICS ATT&CK: every core-typed object is valid; only custom objects with an empty _ref fail', () => {
    const r = bundleOf(real('mitre-attack', 'ics-attack.json'))
    expect(r.objects).toHaveLength(1826)
    const core = r.objects.filter((o) => o.type !== undefined && categoryOf(o.type) !== 'custom')
    expect(core).toHaveLength(1576)
    expect(core.flatMap((o) => o.issues)).toEqual([])
    const custom = r.issues
    expect(custom.length).toBe(5)
    for (const i of custom) expect([i.objectType, i.rule, i.path]).toEqual(['x-mitre-data-component', 'ref-format', 'x_mitre_data_source_ref'])
  })

  it.each(['2024-02-27-Akira-Ransomware.json', '2024-10-17-cybersquatting-domains-from-new-TLDs.json', 'cve-2023-23397.json'])(
    'Unit 42 %s is a STIX 2.0 bundle: flagged for upgrade, objects lack spec_version',
    (name) => {
      const r = bundleOf(real('unit42', name))
      expect(r.bundleIssues.map((i) => i.rule)).toEqual(['bundle-spec-version'])
      expect(r.bundleIssues[0]?.message).toMatch(/upgrade/)
      for (const o of r.objects) expect(o.issues.map((i) => i.path)).toContain('spec_version')
    },
  )
})

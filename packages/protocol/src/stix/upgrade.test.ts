import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { TLP1_MARKING_IDS, TLP2_MARKING_IDS, tlpMarkingDefinition } from '../tlp/markings.js'
import { upgradeToStix21 } from './upgrade.js'

type Obj = Record<string, any>

/** A STIX 2.0 bundle written for these tests, in the shape of the 2.0 specification's examples. */
function bundle20(): Obj {
  return {
    type: 'bundle',
    id: 'bundle--5d0092c5-5f74-4287-9642-33f4c354e56d',
    spec_version: '2.0',
    objects: [
      {
        type: 'marking-definition',
        id: TLP1_MARKING_IDS.amber,
        created: '2017-01-20T00:00:00.000Z',
        definition_type: 'tlp',
        definition: { tlp: 'amber' },
      },
      {
        type: 'identity',
        id: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
        created: '2016-04-06T20:03:00Z',
        modified: '2016-04-06T20:03:00.5Z',
        name: 'ACME CERT',
        identity_class: 'organization',
      },
      {
        type: 'indicator',
        id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        created_by_ref: 'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff',
        created: '2016-04-06T20:03:48.000Z',
        modified: '2016-04-06T20:03:48.000Z',
        labels: ['malicious-activity'],
        name: 'Poison Ivy C2',
        pattern: "[ipv4-addr:value = '198.51.100.7']",
        valid_from: '2016-01-01T00:00:00Z',
        object_marking_refs: [TLP1_MARKING_IDS.amber],
      },
      {
        type: 'malware',
        id: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
        created: '2016-04-06T20:07:09.000Z',
        modified: '2016-04-06T20:07:09.000Z',
        name: 'Poison Ivy',
        labels: ['remote-access-trojan'],
        granular_markings: [{ marking_ref: TLP1_MARKING_IDS.red, selectors: ['description'] }],
        description: 'internal notes',
      },
      {
        type: 'relationship',
        id: 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad',
        created: '2016-04-06T20:06:37.000Z',
        modified: '2016-04-06T20:06:37.000Z',
        relationship_type: 'indicates',
        source_ref: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
        target_ref: 'malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b',
      },
      {
        type: 'observed-data',
        id: 'observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf',
        created: '2016-04-06T19:58:16.000Z',
        modified: '2016-04-06T19:58:16.000Z',
        first_observed: '2015-12-21T19:00:00Z',
        last_observed: '2015-12-21T19:00:00Z',
        number_observed: 1,
        objects: { '0': { type: 'ipv4-addr', value: '198.51.100.7' } },
      },
    ],
  }
}

describe('upgradeToStix21 on a 2.0 bundle', () => {
  const input = bundle20()
  const snapshot = JSON.stringify(input)
  const { value, changes } = upgradeToStix21(input)
  const out = value as Obj
  const byType = (type: string): Obj => out.objects.find((o: Obj) => o.type === type)

  it('does not touch its input', () => {
    expect(JSON.stringify(input)).toBe(snapshot)
  })

  it('drops the bundle spec_version and keeps its id', () => {
    expect(out).not.toHaveProperty('spec_version')
    expect(out.id).toBe(input.id)
    expect(changes).toContain('bundle--5d0092c5-5f74-4287-9642-33f4c354e56d: removed spec_version "2.0" (a STIX 2.1 bundle has none)')
  })

  it('gives every object spec_version "2.1", right after type, and keeps every id', () => {
    for (const obj of out.objects) {
      expect(obj.spec_version).toBe('2.1')
      expect(Object.keys(obj).slice(0, 2)).toEqual(['type', 'spec_version'])
    }
    const ids = out.objects.map((o: Obj) => o.id).slice(1)
    expect(ids).toEqual(input.objects.map((o: Obj) => o.id).slice(1))
  })

  it('adds pattern_type and copies labels to indicator_types on indicators', () => {
    const ind = byType('indicator')
    expect(ind.pattern_type).toBe('stix')
    expect(ind.indicator_types).toEqual(['malicious-activity'])
    expect(ind.labels).toEqual(['malicious-activity'])
    expect(ind.valid_from).toBe('2016-01-01T00:00:00Z')
  })

  it('adds is_family and malware_types on malware', () => {
    const mal = byType('malware')
    expect(mal.is_family).toBe(true)
    expect(mal.malware_types).toEqual(['remote-access-trojan'])
  })

  it('pads created/modified to milliseconds and leaves other timestamps alone', () => {
    const identity = byType('identity')
    expect(identity.created).toBe('2016-04-06T20:03:00.000Z')
    expect(identity.modified).toBe('2016-04-06T20:03:00.500Z')
    expect(byType('observed-data').first_observed).toBe('2015-12-21T19:00:00Z')
    expect(changes).toContain(
      'identity--f431f809-377b-45e0-aa1c-6a4751cae5ff: created "2016-04-06T20:03:00Z" → "2016-04-06T20:03:00.000Z" (2.1 requires milliseconds)',
    )
  })

  it('maps TLP 1.0 references to TLP 2.0 ids, object-level and granular', () => {
    expect(byType('indicator').object_marking_refs).toEqual([TLP2_MARKING_IDS.amber])
    expect(byType('malware').granular_markings).toEqual([{ marking_ref: TLP2_MARKING_IDS.red, selectors: ['description'] }])
  })

  it('replaces the TLP 1.0 marking-definition by the published TLP 2.0 object', () => {
    expect(out.objects[0]).toStrictEqual(tlpMarkingDefinition('amber'))
    expect(changes).toContain(
      `${TLP1_MARKING_IDS.amber}: replaced TLP 1.0 marking-definition by TLP 2.0 ${TLP2_MARKING_IDS.amber} (TLP:AMBER)`,
    )
  })

  it('keeps the observed-data objects dictionary as it is', () => {
    expect(byType('observed-data').objects).toEqual({ '0': { type: 'ipv4-addr', value: '198.51.100.7' } })
  })

  it('reports each change on its own line, naming the object', () => {
    expect(changes).toContain('indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f: added pattern_type "stix" (required in 2.1)')
    expect(changes).toContain('malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b: added is_family true (required in 2.1)')
    expect(changes.every((line) => /^[a-z0-9-]+--[0-9a-f-]+: /.test(line))).toBe(true)
  })

  it('is idempotent: upgrading the result changes nothing', () => {
    const again = upgradeToStix21(out)
    expect(again.changes).toEqual([])
    expect(again.value).toStrictEqual(out)
  })
})

describe('upgradeToStix21 on single objects and lists', () => {
  it('upgrades one object', () => {
    const { value, changes } = upgradeToStix21({
      type: 'tool',
      id: 'tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
      created: '2016-04-06T20:03:48.000Z',
      modified: '2016-04-06T20:03:48.000Z',
      name: 'VNC',
      labels: ['remote-access'],
    })
    expect(value).toMatchObject({ spec_version: '2.1', tool_types: ['remote-access'], labels: ['remote-access'] })
    expect(changes).toHaveLength(2)
  })

  it('copies labels for threat-actor and report, never overwriting existing *_types', () => {
    const { value } = upgradeToStix21([
      { type: 'threat-actor', id: 'threat-actor--1', name: 'X', labels: ['crime-syndicate'] },
      { type: 'report', id: 'report--1', name: 'R', labels: ['threat-report'], report_types: ['campaign'] },
      { type: 'indicator', id: 'indicator--1', pattern: '[x:y = 1]', pattern_type: 'sigma', labels: [] },
    ])
    const [actor, report, indicator] = value as Obj[]
    expect(actor!.threat_actor_types).toEqual(['crime-syndicate'])
    expect(report!.report_types).toEqual(['campaign'])
    expect(indicator!.pattern_type).toBe('sigma')
    expect(indicator).not.toHaveProperty('indicator_types')
  })

  it('keeps an existing is_family false and an explicit spec_version "2.0" becomes "2.1"', () => {
    const { value, changes } = upgradeToStix21({ type: 'malware', spec_version: '2.0', id: 'malware--1', name: 'm', is_family: false })
    expect(value).toMatchObject({ spec_version: '2.1', is_family: false })
    expect(changes).toEqual(['malware--1: spec_version "2.0" → "2.1"'])
  })

  it('leaves 2.1 objects and top-level SCOs exactly as they are', () => {
    const obj21 = { type: 'indicator', spec_version: '2.1', id: 'indicator--1', labels: ['x'], object_marking_refs: [TLP1_MARKING_IDS.white] }
    const sco = { type: 'ipv4-addr', id: 'ipv4-addr--1', value: '198.51.100.7' }
    const { value, changes } = upgradeToStix21([obj21, sco])
    expect(value).toStrictEqual([obj21, sco])
    expect(changes).toEqual([])
  })

  it('never invents ids: an object without one keeps none and is named by position', () => {
    const { value, changes } = upgradeToStix21({ type: 'bundle', objects: [{ type: 'indicator', pattern: '[a:b = 1]' }] })
    const [ind] = (value as Obj).objects
    expect(ind).not.toHaveProperty('id')
    expect(changes).toContain('indicator at objects[0]: added pattern_type "stix" (required in 2.1)')
  })

  it('drops a replaced TLP 1.0 definition whose TLP 2.0 object is already present, and dedupes refs', () => {
    const { value, changes } = upgradeToStix21([
      tlpMarkingDefinition('clear'),
      { type: 'marking-definition', id: TLP1_MARKING_IDS.white, created: '2017-01-20T00:00:00.000Z', definition_type: 'tlp', definition: { tlp: 'white' } },
      { type: 'campaign', id: 'campaign--1', name: 'c', object_marking_refs: [TLP1_MARKING_IDS.white, TLP2_MARKING_IDS.clear] },
    ])
    const list = value as Obj[]
    expect(list.map((o) => o.id)).toEqual([TLP2_MARKING_IDS.clear, 'campaign--1'])
    expect(list[1]!.object_marking_refs).toEqual([TLP2_MARKING_IDS.clear])
    expect(changes.some((c) => c.includes('removed TLP 1.0 marking-definition'))).toBe(true)
  })

  it('follows the input\'s own definition of a TLP 1.0 id, failing closed', () => {
    const odd = { type: 'marking-definition', id: TLP1_MARKING_IDS.white, definition_type: 'tlp', definition: { tlp: 'red' } }
    const { value } = upgradeToStix21([odd, { type: 'campaign', id: 'campaign--1', name: 'c', object_marking_refs: [TLP1_MARKING_IDS.white] }])
    const [def, campaign] = value as Obj[]
    expect(def!.id).toBe(TLP2_MARKING_IDS.red)
    expect(campaign!.object_marking_refs).toEqual([TLP2_MARKING_IDS.red])
  })

  it('gives back non-STIX input unchanged', () => {
    expect(upgradeToStix21('text')).toEqual({ value: 'text', changes: [] })
    expect(upgradeToStix21({ a: 1 })).toEqual({ value: { a: 1 }, changes: [] })
    expect(upgradeToStix21(null)).toEqual({ value: null, changes: [] })
  })

  it('keeps a "__proto__" key as data', () => {
    const input = JSON.parse('{"type":"campaign","id":"campaign--1","name":"c","__proto__":{"polluted":true}}')
    const { value } = upgradeToStix21(input)
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype)
    expect(Object.keys(value as Obj)).toContain('__proto__')
    expect(({} as Obj).polluted).toBeUndefined()
  })
})

const UNIT42 = corpusPath('stix-real', 'unit42') // announces the skip when the corpus is absent

describe.skipIf(!corpusAvailable)('Unit 42 STIX 2.0 bundles in the shared corpus', () => {
  const load = (name: string): Obj => JSON.parse(readFileSync(join(UNIT42, name), 'utf8'))

  it('Akira: 18 indicators get spec_version, pattern_type and indicator_types; nothing is lost', () => {
    const input = load('2024-02-27-Akira-Ransomware.json')
    const { value, changes } = upgradeToStix21(input)
    const out = value as Obj
    expect(out).not.toHaveProperty('spec_version')
    const indicators = out.objects.filter((o: Obj) => o.type === 'indicator')
    expect(indicators).toHaveLength(18)
    for (const ind of indicators) {
      expect(ind).toMatchObject({ spec_version: '2.1', pattern_type: 'stix', indicator_types: ['malicious-activity'] })
    }
    const report = out.objects.find((o: Obj) => o.type === 'report')
    expect(report.title).toBe(input.objects.find((o: Obj) => o.type === 'report').title)
    expect(report.report_types).toEqual(['timely-threat-intelligence-post'])
    expect(out.objects.map((o: Obj) => o.id)).toEqual(input.objects.map((o: Obj) => o.id))
    // 1 bundle + 19 spec_version + 18 pattern_type + 18 indicator_types + 1 report_types
    expect(changes).toHaveLength(57)
  })

  it('cve-2023-23397: pattern_type already present is kept; the identity_class list becomes a string', () => {
    const { value, changes } = upgradeToStix21(load('cve-2023-23397.json'))
    const out = value as Obj
    expect(out.objects).toHaveLength(63)
    for (const obj of out.objects) expect(obj.spec_version).toBe('2.1')
    expect(changes.filter((c) => c.includes('pattern_type'))).toEqual([])
    expect(out.objects.find((o: Obj) => o.type === 'identity').identity_class).toBe('unknown')
    const attack = out.objects.filter((o: Obj) => o.type === 'attack-pattern')
    expect(attack.every((o: Obj) => o.object_marking_refs[0] === 'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168')).toBe(true)
  })

  it('every upgraded file meets the 2.1 requirements checked here', () => {
    for (const name of ['2024-02-27-Akira-Ransomware.json', '2024-10-17-cybersquatting-domains-from-new-TLDs.json', 'cve-2023-23397.json']) {
      const out = upgradeToStix21(load(name)).value as Obj
      for (const obj of out.objects) {
        expect(obj.spec_version).toBe('2.1')
        expect(obj.created).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/)
        expect(obj.modified).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3,}Z$/)
        if (obj.type === 'indicator') expect(typeof obj.pattern_type).toBe('string')
      }
    }
  })
})

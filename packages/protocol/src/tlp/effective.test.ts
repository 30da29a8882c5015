import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { effectiveTlp, markingResolver, mostRestrictive, tlpAtMost } from './effective.js'
import { TLP_LEVELS } from './level.js'
import { TLP1_MARKING_IDS, TLP2_MARKING_IDS, tlpMarkingDefinition } from './markings.js'

const id = TLP2_MARKING_IDS
const UNKNOWN = 'marking-definition--479081c8-3a60-4eb8-b410-96a30f395def'
const COPYRIGHT = 'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168'
const indicator = (markings: Record<string, unknown>) => ({ type: 'indicator', id: 'indicator--1', ...markings })

describe('mostRestrictive / tlpAtMost', () => {
  it('picks the later level in clear < green < amber < amber+strict < red', () => {
    expect(mostRestrictive('green', 'amber')).toBe('amber')
    expect(mostRestrictive('amber+strict', 'amber')).toBe('amber+strict')
    expect(mostRestrictive('clear')).toBe('clear')
    expect(mostRestrictive('clear', 'red', 'green')).toBe('red')
  })

  it('tlpAtMost compares against a ceiling', () => {
    expect(tlpAtMost('green', 'amber')).toBe(true)
    expect(tlpAtMost('amber', 'amber')).toBe(true)
    expect(tlpAtMost('amber+strict', 'amber')).toBe(false)
    expect(TLP_LEVELS.filter((t) => tlpAtMost(t, 'clear'))).toEqual(['clear'])
    expect(TLP_LEVELS.filter((t) => tlpAtMost(t, 'red'))).toEqual(TLP_LEVELS)
  })
})

describe('effectiveTlp', () => {
  it('is null for an object with no markings: the node policy decides', () => {
    expect(effectiveTlp({ type: 'indicator', id: 'indicator--1' })).toBeNull()
    expect(effectiveTlp(indicator({ object_marking_refs: [] }))).toBeNull()
  })

  it('reads a single TLP 2.0 or TLP 1.0 object marking', () => {
    expect(effectiveTlp(indicator({ object_marking_refs: [id.green] }))).toBe('green')
    expect(effectiveTlp(indicator({ object_marking_refs: [TLP1_MARKING_IDS.white] }))).toBe('clear')
    expect(effectiveTlp(indicator({ object_marking_refs: [TLP1_MARKING_IDS.amber] }))).toBe('amber')
  })

  it('lets the most restrictive marking win, granular markings included', () => {
    expect(effectiveTlp(indicator({ object_marking_refs: [id.clear, id['amber+strict'], id.green] }))).toBe('amber+strict')
    const granular = indicator({
      object_marking_refs: [id.green],
      granular_markings: [{ marking_ref: id.amber, selectors: ['description'] }],
    })
    expect(effectiveTlp(granular)).toBe('amber')
    expect(effectiveTlp(indicator({ granular_markings: [{ marking_ref: id.red, selectors: ['name'] }] }))).toBe('red')
  })

  it('counts an unknown marking as RED (fail-closed)', () => {
    expect(effectiveTlp(indicator({ object_marking_refs: [id.clear, UNKNOWN] }))).toBe('red')
    expect(effectiveTlp(indicator({ object_marking_refs: [COPYRIGHT] }))).toBe('red')
  })

  it('uses the resolver for ids it knows: a level, or null for a non-restrictive marking', () => {
    const resolve = (ref: string) => (ref === UNKNOWN ? 'amber' : ref === COPYRIGHT ? null : undefined)
    expect(effectiveTlp(indicator({ object_marking_refs: [id.green, UNKNOWN] }), resolve)).toBe('amber')
    expect(effectiveTlp(indicator({ object_marking_refs: [id.green, COPYRIGHT] }), resolve)).toBe('green')
    expect(effectiveTlp(indicator({ object_marking_refs: [COPYRIGHT] }), resolve)).toBeNull()
    expect(effectiveTlp(indicator({ object_marking_refs: ['marking-definition--other'] }), resolve)).toBe('red')
  })

  it('keeps a well-known id\'s level unless the resolver is stricter', () => {
    expect(effectiveTlp(indicator({ object_marking_refs: [id.clear] }), () => null)).toBe('clear')
    expect(effectiveTlp(indicator({ object_marking_refs: [id.amber] }), () => 'green')).toBe('amber')
    expect(effectiveTlp(indicator({ object_marking_refs: [id.clear] }), () => 'red')).toBe('red')
  })

  it('ignores language-only granular markings', () => {
    const obj = indicator({ object_marking_refs: [id.green], granular_markings: [{ lang: 'de', selectors: ['name'] }] })
    expect(effectiveTlp(obj)).toBe('green')
  })

  it('treats malformed marking properties and non-objects as RED', () => {
    expect(effectiveTlp(indicator({ object_marking_refs: id.clear }))).toBe('red')
    expect(effectiveTlp(indicator({ object_marking_refs: [id.clear, 5] }))).toBe('red')
    expect(effectiveTlp(indicator({ granular_markings: [{ selectors: ['name'] }] }))).toBe('red')
    expect(effectiveTlp(indicator({ granular_markings: 'x' }))).toBe('red')
    expect(effectiveTlp(null)).toBe('red')
    expect(effectiveTlp([indicator({ object_marking_refs: [id.clear] })])).toBe('red')
  })
})

describe('markingResolver', () => {
  it('resolves the TLP marking-definitions it was given and nothing else', () => {
    const custom = {
      type: 'marking-definition',
      id: UNKNOWN,
      definition_type: 'tlp',
      definition: { tlp: 'amber' },
    }
    const statement = { type: 'marking-definition', id: COPYRIGHT, definition_type: 'statement', definition: { statement: '©' } }
    const resolve = markingResolver([custom, statement, tlpMarkingDefinition('green'), 'junk', null])
    expect(resolve(UNKNOWN)).toBe('amber')
    expect(resolve(id.green)).toBe('green')
    expect(resolve(COPYRIGHT)).toBeUndefined()
    expect(effectiveTlp(indicator({ object_marking_refs: [UNKNOWN, id.clear] }), resolve)).toBe('amber')
    expect(effectiveTlp(indicator({ object_marking_refs: [COPYRIGHT] }), resolve)).toBe('red')
  })

  it('keeps the stricter reading when an id is defined twice', () => {
    const a = { type: 'marking-definition', id: UNKNOWN, name: 'TLP:GREEN' }
    const b = { type: 'marking-definition', id: UNKNOWN, name: 'TLP:RED' }
    expect(markingResolver([a, b])(UNKNOWN)).toBe('red')
    expect(markingResolver([b, a])(UNKNOWN)).toBe('red')
  })
})

// Elastic bundles are read from the shared corpus only (Elastic License 2.0: never copied).
const STIX_REAL = corpusPath('stix-real') // announces the skip when the corpus is absent

describe.skipIf(!corpusAvailable)('real bundles in the shared corpus', () => {
  const objectsOf = (...parts: string[]): Record<string, unknown>[] =>
    JSON.parse(readFileSync(join(STIX_REAL, ...parts), 'utf8')).objects

  it('bitsloth: TLP:CLEAR on the TLP:WHITE id makes every indicator clear', () => {
    const objects = objectsOf('elastic-labs', 'bitsloth.stix-bundle.json')
    const resolve = markingResolver(objects)
    const indicators = objects.filter((o) => o.type === 'indicator')
    expect(indicators).toHaveLength(10)
    for (const obj of indicators) expect(effectiveTlp(obj, resolve)).toBe('clear')
  })

  it('CISA AA23-325A: TLP:WHITE plus an ISA marking the node does not understand is RED', () => {
    const objects = objectsOf('elastic-labs', 'cisa_sample_stix.json')
    const indicators = objects.filter((o) => o.type === 'indicator')
    expect(indicators.length).toBeGreaterThan(0)
    for (const obj of indicators) expect(effectiveTlp(obj, markingResolver(objects))).toBe('red')
    const isa = 'marking-definition--479081c8-3a60-4eb8-b410-96a30f395def'
    const operatorAccepts = (ref: string) => (ref === isa ? null : undefined)
    for (const obj of indicators) expect(effectiveTlp(obj, operatorAccepts)).toBe('clear')
  })
})

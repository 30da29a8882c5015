import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { canonicalize, tlpMarkingDefinitions, verifyObject } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { adoptedId, derivedFromId } from './adopt.js'
import { harness, removeTempDirs, T0, testSigner, type Harness } from './test-support.js'

const OASIS = join(import.meta.dirname, '../../../protocol/vectors/stix/valid')
const oasis = (name: string): string => readFileSync(join(OASIS, `oasis-schemas-${name}.json`), 'utf8')
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1'

let h: Harness
afterEach(() => {
  h?.store.close()
  removeTempDirs()
})

const peer = testSigner('peer')
const peerIndicator = (n: number): Record<string, unknown> =>
  peer.sign({
    type: 'indicator', spec_version: '2.1', id: `indicator--00000000-0000-4000-8000-00000000000${n}`, created_by_ref: peer.identityId,
    created: '2026-11-01T00:00:00.000Z', modified: '2026-11-01T00:00:00.000Z', pattern: `[domain-name:value = 'peer-${n}.example']`,
    pattern_type: 'stix', valid_from: '2026-11-01T00:00:00Z', object_marking_refs: [GREEN],
  })
const bundle = (objects: unknown[]): string => JSON.stringify({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects })

describe('importText: STIX without --adopt', () => {
  it('unsigned OASIS objects are rejected as unsigned and nothing is stored', async () => {
    h = await harness()
    const r = h.ingestor.importText('coa.json', oasis('indicators-for-C2-with-COA'))
    expect(r.format).toBe('stix')
    expect(r.summary).toMatchObject({ created: 0, rejected: 8 })
    expect(r.items.every((i) => i.reason === 'unsigned')).toBe(true)
    expect(r.items[2]).toMatchObject({
      id: 'indicator--53fe3b22-0201-47cf-85d0-97c02164528d',
      source: { index: 2, ref: 'indicator--53fe3b22-0201-47cf-85d0-97c02164528d' },
      message: 'indicator--53fe3b22-0201-47cf-85d0-97c02164528d is not signed by its creator; import it with --adopt to publish it as your own (signed by this node)',
    })
    expect(h.store.count().versions).toBe(0)
  })

  it('objects signed by another key are stored as signed, with that key as signer', async () => {
    h = await harness()
    const objs = [peerIndicator(1), peerIndicator(2)]
    const r = h.ingestor.importText('peer.json', bundle(objs))
    expect(r.summary).toMatchObject({ created: 2, rejected: 0 })
    expect(r.items[0]).toMatchObject({ status: 'created', id: objs[0]!.id, type: 'indicator', value: 'peer-1.example' })
    const stored = h.store.get(String(objs[0]!.id))!
    expect(stored.signer).toBe(peer.publicKeyB64)
    expect(stored.origin).toBe('import')
    expect(stored.json).toBe(canonicalize(objs[0]))
    expect(h.ingestor.importText('peer.json', bundle(objs)).summary).toMatchObject({ created: 0, unchanged: 2 })
  })

  it('a tampered object is rejected with signature-bad-signature; the others still go in', async () => {
    h = await harness()
    const tampered: Record<string, unknown> = { ...peerIndicator(1), pattern: "[domain-name:value = 'other.example']" }
    const r = h.ingestor.importText('peer.json', bundle([tampered, peerIndicator(2)]))
    expect(r.items.map((i) => [i.status, i.reason])).toEqual([['rejected', 'signature-bad-signature'], ['created', undefined]])
    expect(h.store.get(String(tampered.id))).toBeUndefined()
  })

  it('built-in TLP markings are known and not stored; invalid objects are rejected with the validator messages', async () => {
    h = await harness()
    const invalid = { ...peerIndicator(3), confidence: 140 }
    const r = h.ingestor.importText('mixed.json', bundle([...tlpMarkingDefinitions(), invalid]))
    expect(r.items.slice(0, 5).every((i) => i.status === 'unchanged')).toBe(true)
    expect(r.items[5]).toMatchObject({ status: 'rejected', reason: 'invalid-stix', message: expect.stringContaining("property 'confidence'") })
    expect(h.store.count().versions).toBe(0)
  })

  it('a bundle whose objects is not a list is a BadRequestError', async () => {
    h = await harness()
    expect(() => h.ingestor.importText('b.json', '{"type":"bundle","id":"bundle--44af6c39-c09b-49c5-9de2-394224b04982","objects":{}}')).toThrow(/"objects" must be a list/)
  })
})

describe('importText: STIX with --adopt', () => {
  it('OASIS C2 bundle: adopted as ours with derived-from relationships; the identity is not adopted', async () => {
    h = await harness()
    const r = h.ingestor.importText('coa.json', oasis('indicators-for-C2-with-COA'), { adopt: true })
    expect(r.summary).toMatchObject({ created: 11, rejected: 1, flagged: 1 })
    expect(r.items[0]).toMatchObject({ status: 'rejected', reason: 'not-adoptable', id: 'identity--f690c992-8e7d-4b9a-9303-3312616c0220' })
    const original = 'indicator--53fe3b22-0201-47cf-85d0-97c02164528d'
    const newId = adoptedId(h.signer.identityId, original)
    const adopted = JSON.parse(h.store.get(newId)!.json)
    expect(adopted).toMatchObject({ created_by_ref: h.signer.identityId, created: new Date(T0).toISOString(), pattern: "[ipv4-addr:value = '10.0.0.0']", object_marking_refs: [AMBER] })
    expect(verifyObject(adopted, nodeEd25519)).toMatchObject({ ok: true })
    const rel = JSON.parse(h.store.get(derivedFromId(h.signer.identityId, original))!.json)
    expect(rel).toMatchObject({ relationship_type: 'derived-from', source_ref: newId, target_ref: original, created_by_ref: h.signer.identityId })
    expect(verifyObject(rel, nodeEd25519).ok).toBe(true)
    const mitigates = JSON.parse(h.store.get(adoptedId(h.signer.identityId, 'relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad'))!.json)
    expect(mitigates.source_ref).toBe(adoptedId(h.signer.identityId, 'course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'))
    expect(mitigates.target_ref).toBe(adoptedId(h.signer.identityId, 'malware--fdd60b30-b67c-41e3-b0b9-f01faf20d111'))
    expect(r.items.find((i) => i.id === newId)!.flags).toEqual(expect.arrayContaining([expect.stringMatching(/^warninglist:/)]))
  })

  it('adopting again changes nothing; the same pattern in another bundle is not duplicated', async () => {
    h = await harness()
    h.ingestor.importText('coa.json', oasis('indicators-for-C2-with-COA'), { adopt: true })
    const count = h.store.count()
    h.clock.now = T0 + 60_000
    const again = h.ingestor.importText('coa.json', oasis('indicators-for-C2-with-COA'), { adopt: true })
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: 11, rejected: 1 })
    const other = h.ingestor.importText('c2.json', oasis('indicator-for-c2-ip-address'), { adopt: true })
    expect(other.summary).toMatchObject({ created: 0, unchanged: 1 })
    expect(other.items[0]!.id).toBe(adoptedId(h.signer.identityId, 'indicator--53fe3b22-0201-47cf-85d0-97c02164528d'))
    expect(h.store.count()).toEqual(count)
  })

  it('markings: original TLP kept, --tlp overrides, unmarked gets the default', async () => {
    h = await harness()
    const base = JSON.parse(oasis('indicator-for-c2-ip-address')).objects[0]
    const marked = { ...base, id: 'indicator--63fe3b22-0201-47cf-85d0-97c02164528d', pattern: "[domain-name:value = 'a.example']", object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da'] }
    const r = h.ingestor.importText('m.json', bundle([base, marked]), { adopt: true })
    const refs = r.items.filter((i) => i.type === 'indicator').map((i) => JSON.parse(h.store.get(i.id!)!.json).object_marking_refs)
    expect(refs).toEqual([[AMBER], [GREEN]])
    const red = h.ingestor.importText('m.json', bundle([{ ...base, id: 'indicator--73fe3b22-0201-47cf-85d0-97c02164528d', pattern: "[domain-name:value = 'b.example']" }]), { adopt: true, tlp: 'red' })
    expect(JSON.parse(h.store.get(red.items[0]!.id!)!.json).object_marking_refs).toEqual([RED])
  })

  it('a CISA-style indicator with an upper-case hash dedups against the hash added by hand', async () => {
    h = await harness()
    const hash = '3ea2a9d8a0b7d1fd5cbf8b8b5b1f4e0b2a6c1d9e8f7a6b5c4d3e2f1a0b9c8d7e'
    const byHand = h.ingestor.addIndicator({ type: 'sha256', value: hash }).items[0]!.id
    const cisa = {
      type: 'indicator', spec_version: '2.1', id: 'indicator--83fe3b22-0201-47cf-85d0-97c02164528d', created: '2023-11-21T00:00:00.000Z',
      modified: '2023-11-21T00:00:00.000Z', pattern: `[file:hashes.'SHA-256' = '${hash.toUpperCase()}']`, pattern_type: 'stix', valid_from: '2023-11-21T00:00:00Z',
      created_by_ref: 'identity--b3bca3c2-1f3d-4b54-b44f-dac42c3a8f01', object_marking_refs: ['marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9'],
    }
    const r = h.ingestor.importText('aa23-325a.json', bundle([cisa]), { adopt: true })
    expect(r.items).toEqual([expect.objectContaining({ status: 'unchanged', id: byHand })])
    expect(h.store.count().objects).toBe(1)
  })
})

describe.skipIf(!corpusAvailable)('importText: Unit 42 STIX 2.0 bundles (corpus)', () => {
  const unit42 = (name: string): string => readFileSync(corpusPath('stix-real', 'unit42', name), 'utf8')

  it('Akira: upgraded to 2.1 and valid; unsigned without --adopt, adopted with it', async () => {
    h = await harness()
    const text = unit42('2024-02-27-Akira-Ransomware.json')
    const plain = h.ingestor.importText('akira.json', text)
    expect(plain.items.every((i) => i.reason === 'unsigned')).toBe(true)
    expect(plain.items.find((i) => i.type === 'indicator')!.message).toMatch(/not signed/)
    const r = h.ingestor.importText('akira.json', text, { adopt: true })
    const indicators = r.items.filter((i) => i.type === 'indicator')
    expect(indicators).toHaveLength(18)
    expect(indicators.every((i) => i.status === 'created')).toBe(true)
    expect(indicators[0]!.message).toMatch(/^upgraded from STIX 2\.0: /)
    const obj = JSON.parse(h.store.get(indicators[0]!.id!)!.json)
    expect(obj).toMatchObject({ spec_version: '2.1', pattern_type: 'stix', indicator_types: ['malicious-activity'] })
    expect(r.items.filter((i) => i.type === 'report' && i.status === 'created')).toHaveLength(1)
  })

  it('the Unit 42 bundles validate after the upgrade, except one campaign whose last_seen precedes first_seen', async () => {
    h = await harness()
    const invalid: Record<string, string[]> = {}
    for (const name of ['2024-02-27-Akira-Ransomware.json', '2024-10-17-cybersquatting-domains-from-new-TLDs.json', 'cve-2023-23397.json']) {
      const r = h.ingestor.importText(name, unit42(name), { adopt: true })
      invalid[name] = r.items.filter((i) => i.reason === 'invalid-stix').map((i) => i.id!)
      expect(r.summary.created, name).toBeGreaterThan(10)
    }
    expect(invalid).toEqual({
      '2024-02-27-Akira-Ransomware.json': [],
      '2024-10-17-cybersquatting-domains-from-new-TLDs.json': [],
      'cve-2023-23397.json': ['campaign--16efdab8-cb72-4a4a-b463-0a2a7e739d94'],
    })
  })
})

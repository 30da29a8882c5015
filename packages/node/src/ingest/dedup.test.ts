import { canonicalize, parsePattern, patternDedupKey } from '@certmesh/protocol'
import { afterEach, describe, expect, it } from 'vitest'
import { PATTERN_KEY_PREFIX } from './constants.js'
import { DedupIndex } from './dedup.js'
import { patternObservable, prepareVersion } from './prepare.js'
import { harness, removeTempDirs, T0, type Harness } from './test-support.js'

let h: Harness
afterEach(() => {
  h?.store.close()
  removeTempDirs()
})

const T = new Date(T0 - 60_000).toISOString()

/** Our signed indicator with this pattern, stored as prepareVersion indexes it. */
function storeOurs(pattern: string, opts: { legacyDedupEntry?: boolean } = {}): string {
  const obj = h.signer.sign({
    type: 'indicator', spec_version: '2.1', id: `indicator--${crypto.randomUUID()}`, created: T, modified: T,
    created_by_ref: h.signer.identityId, pattern, pattern_type: 'stix', valid_from: T,
  })
  const v = prepareVersion(obj, canonicalize(obj), { origin: 'local', signer: h.signer.publicKeyB64 })
  const key = patternDedupKey(parsePattern(pattern))
  // Before single-observable indicators left it out, every indicator had the pseudo-observable.
  const observables = opts.legacyDedupEntry === true ? [...v.observables, patternObservable(key)] : v.observables
  expect(h.store.put({ ...v, observables }).status).toBe('created')
  return String(obj.id)
}

describe('dedup of single-observable indicators through the observable key', () => {
  it('an indicator of one comparison has no pattern: entry; a longer pattern keeps it', async () => {
    h = await harness()
    const single = h.ingestor.addIndicator({ type: 'domain', value: 'one.example' }).items[0]!.id!
    const both = storeOurs("[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example']")
    expect(h.store.lookupObservable('domain-name:value=one.example').map((m) => m.object.id)).toEqual([single])
    expect(h.store.lookupObservableKeys([`${PATTERN_KEY_PREFIX}[domain-name:value = 'one.example']`])).toEqual([])
    const key = patternDedupKey(parsePattern("[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example']"))
    expect(h.store.lookupObservable(PATTERN_KEY_PREFIX + key).map((m) => m.object.id)).toEqual([both])
  })

  it('adding the same value again, or an equivalent pattern by STIX import, finds the first indicator', async () => {
    h = await harness()
    const first = h.ingestor.addIndicator({ type: 'domain', value: 'Evil.Example.' }).items[0]!
    expect(h.ingestor.addIndicator({ type: 'domain', value: 'evil.example' }).items[0]).toMatchObject({ status: 'unchanged', id: first.id })
    const dedup = new DedupIndex(h.store, h.signer.publicKeyB64, T0)
    const spaced = "[domain-name:value='evil.example']"
    const key = patternDedupKey(parsePattern(spaced))
    expect(dedup.find(key, Number.MAX_SAFE_INTEGER, { type: 'domain-name', property: 'value', value: 'evil.example', key: 'domain-name:value=evil.example' } as never)?.id).toBe(first.id)
  })

  it('an indicator stored with the old pseudo-observable is still found', async () => {
    h = await harness()
    const old = storeOurs("[ipv4-addr:value = '198.51.100.20']", { legacyDedupEntry: true })
    expect(h.ingestor.addIndicator({ type: 'ip', value: '198.51.100.20' }).items[0]).toMatchObject({ status: 'unchanged', id: old })
  })

  it('our longer pattern that contains the value is not a duplicate of the single one', async () => {
    h = await harness()
    const both = storeOurs("[domain-name:value = 'a.example'] OR [domain-name:value = 'b.example']")
    const r = h.ingestor.addIndicator({ type: 'domain', value: 'a.example' })
    expect(r.items[0]).toMatchObject({ status: 'created' })
    expect(r.items[0]!.id).not.toBe(both)
    expect(h.ingestor.addIndicator({ type: 'domain', value: 'a.example' }).items[0]).toMatchObject({ status: 'unchanged', id: r.items[0]!.id })
  })
})

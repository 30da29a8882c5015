import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../store/open.js'
import { removeTempDirs, silentLogger, tempDbPath, version } from '../store/test-support.js'
import { MetricsRegistry } from './registry.js'
import { RECOUNT_MS, registerStoreMetrics } from './store-collector.js'

const obs = (v: string) => [{ key: `ipv4-addr:value=${v}`, type: 'ipv4-addr', property: 'value', value: v }]
const value = (text: string, name: string) => Number(text.split('\n').find((l) => l.startsWith(name + ' '))?.split(' ')[1])

describe('registerStoreMetrics', () => {
  afterEach(removeTempDirs)

  it('recounts when the log grows or RECOUNT_MS passes, not on every scrape', () => {
    const clock = { now: Date.parse('2025-01-01T00:00:00Z') }
    const store = openStore(tempDbPath(), { now: () => clock.now, logger: silentLogger })
    const reg = new MetricsRegistry()
    registerStoreMetrics(reg, store, () => clock.now)
    registerStoreMetrics(reg, store, () => clock.now) // a second app build adds nothing
    store.put(version({ observables: obs('192.0.2.1'), validUntil: clock.now + 1000 }))
    expect(value(reg.render(), 'certmesh_indicators_active')).toBe(1)
    expect(value(reg.render(), 'certmesh_store_versions')).toBe(1)
    store.put(version({ observables: obs('192.0.2.2') }))
    expect(value(reg.render(), 'certmesh_store_objects')).toBe(2)
    expect(value(reg.render(), 'certmesh_indicators_active')).toBe(2)
    clock.now += 2000 // the first one expired, without a write: still the cached count
    expect(value(reg.render(), 'certmesh_indicators_active')).toBe(2)
    clock.now += RECOUNT_MS
    expect(value(reg.render(), 'certmesh_indicators_active')).toBe(1)
    store.close()
  })
})

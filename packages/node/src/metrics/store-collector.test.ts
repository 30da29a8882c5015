import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../store/open.js'
import { removeTempDirs, silentLogger, tempDbPath, version } from '../store/test-support.js'
import { MetricsRegistry } from './registry.js'
import { RECOUNT_BUSY_FACTOR, RECOUNT_MS, registerStoreMetrics, SLOW_COUNT_MS } from './store-collector.js'
import type { StoreReader } from '../store/index.js'

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

  it('while the log grows, a slow count is redone only after some multiple of its duration', async () => {
    const store = openStore(tempDbPath(), { logger: silentLogger })
    // The real store, counting as slowly as a store of millions does.
    const slow = Object.create(store) as StoreReader
    slow.count = () => {
      const until = performance.now() + SLOW_COUNT_MS + 10
      while (performance.now() < until);
      return store.count()
    }
    const reg = new MetricsRegistry()
    registerStoreMetrics(reg, slow)
    store.put(version({ observables: obs('192.0.2.1') }))
    expect(value(reg.render(), 'certmesh_store_objects')).toBe(1)
    store.put(version({ observables: obs('192.0.2.2') }))
    const text = reg.render()
    expect(value(text, 'certmesh_store_versions')).toBe(2) // from the log head, always fresh
    expect(value(text, 'certmesh_store_objects')).toBe(1) // the count waits
    await new Promise((r) => setTimeout(r, 1.5 * RECOUNT_BUSY_FACTOR * (SLOW_COUNT_MS + 10)))
    expect(value(reg.render(), 'certmesh_store_objects')).toBe(2)
    store.close()
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../../store/open.js'
import type { PreparedObservable, Store } from '../../../store/index.js'
import { newId, removeTempDirs, silentLogger, tempDbPath, version } from '../../../store/test-support.js'
import { feedChanges } from './changes.js'
import { feedFilter, type FeedFilter } from './filter.js'
import { fullFeed } from './full.js'
import { FEED_KINDS } from './kinds.js'
import type { FeedLine } from './lines.js'

const T0 = Date.parse('2025-01-01T00:00:00Z')
const ip = (v: string): PreparedObservable => ({ key: `ipv4-addr:value=${v}`, type: 'ipv4-addr', property: 'value', value: v })
const all: FeedFilter = feedFilter({}, 'amber')

function open(clock: { now: number }): Store {
  return openStore(tempDbPath(), { now: () => clock.now, logger: silentLogger })
}

const collect = (g: Generator<FeedLine[]>): string[] => [...g].flat().map((l) => (l.action === 'add' ? '+' : '-') + l.value)

describe('feeds over a real store', () => {
  afterEach(removeTempDirs)

  it('pages through the whole feed without loss or repetition, whatever the page size', () => {
    const clock = { now: T0 }
    const s = open(clock)
    const values: string[] = []
    const versions = []
    for (let i = 0; i < 500; i++) {
      const a = `10.1.${i >> 8}.${i & 255}`
      const b = `10.2.${i >> 8}.${i & 255}`
      values.push(a, b)
      versions.push(version({ observables: [ip(b), ip(a)], confidence: 50 }))
    }
    // Duplicates in later indicators are listed once, where first seen.
    versions.push(version({ observables: [ip('10.1.0.0')], confidence: 50 }))
    s.putBatch(versions)
    const sorted = (xs: string[]) => [...xs].sort()
    for (const pageRows of [1, 7, 2000]) {
      const lines = [...fullFeed(s.feeds(), FEED_KINDS.ipv4, all, T0, pageRows)].flat().map((l) => l.value)
      expect(lines.length).toBe(1000)
      expect(sorted(lines)).toEqual(sorted(values))
      // Store order: by indicator, then by key within it.
      expect(lines.slice(0, 2)).toEqual(['10.1.0.0', '10.2.0.0'])
    }
    s.close()
  })

  it('since: an indicator whose valid_from passed is an addition, one whose valid_until passed a removal', () => {
    const clock = { now: T0 }
    const s = open(clock)
    s.put(version({ observables: [ip('192.0.2.1')], validFrom: T0 + 10_000, validUntil: T0 + 90_000 }))
    s.put(version({ observables: [ip('192.0.2.2')], validFrom: T0 - 1000, validUntil: T0 + 20_000 }))
    const window = (fromMs: number, toMs: number) => ({ sinceUs: fromMs * 1000, untilUs: toMs * 1000 })
    // Stored at T0; nothing changes in (T0 + 1 s, T0 + 5 s].
    expect(collect(feedChanges(s, FEED_KINDS.ipv4, all, window(T0 + 1000, T0 + 5000), T0 + 5000))).toEqual([])
    expect(collect(feedChanges(s, FEED_KINDS.ipv4, all, window(T0 + 5000, T0 + 15_000), T0 + 15_000))).toEqual(['+192.0.2.1'])
    expect(collect(feedChanges(s, FEED_KINDS.ipv4, all, window(T0 + 15_000, T0 + 25_000), T0 + 25_000))).toEqual(['-192.0.2.2'])
    expect(collect(feedChanges(s, FEED_KINDS.ipv4, all, window(T0 + 5000, T0 + 25_000), T0 + 25_000))).toEqual(['+192.0.2.1', '-192.0.2.2'])
    s.close()
  })

  it('since: a new version that changes the value, or gets flagged, removes what the old one listed', () => {
    const clock = { now: T0 }
    const s = open(clock)
    const a = newId()
    const b = newId()
    s.put(version({ id: a, observables: [ip('198.51.100.1')] }))
    s.put(version({ id: b, observables: [ip('198.51.100.2')] }))
    clock.now = T0 + 60_000
    s.put(version({ id: a, modified: '2025-01-01T00:01:00.000Z', observables: [ip('198.51.100.11')] }))
    s.put(version({ id: b, modified: '2025-01-01T00:01:00.000Z', observables: [ip('198.51.100.2')], flags: ['warninglist:test'] }))
    const w = { sinceUs: (T0 + 30_000) * 1000, untilUs: (T0 + 90_000) * 1000 }
    expect(collect(feedChanges(s, FEED_KINDS.ipv4, all, w, T0 + 90_000)).sort()).toEqual(['+198.51.100.11', '-198.51.100.1', '-198.51.100.2'])
    expect([...fullFeed(s.feeds(), FEED_KINDS.ipv4, all, T0 + 90_000)].flat().map((l) => l.value)).toEqual(['198.51.100.11'])
    s.close()
  })

  it('tlp_max counts unmarked indicators as the node default, and unknown levels as red', () => {
    const clock = { now: T0 }
    const s = open(clock)
    s.put({ ...version({ observables: [ip('192.0.2.10')] }), tlp: null })
    s.put(version({ observables: [ip('192.0.2.11')], tlp: 'clear' }))
    s.put(version({ observables: [ip('192.0.2.12')], tlp: 'something-else' }))
    const values = (f: FeedFilter) => [...fullFeed(s.feeds(), FEED_KINDS.ipv4, f, T0)].flat().map((l) => l.value)
    expect(values(feedFilter({ tlpMax: 'green' }, 'amber'))).toEqual(['192.0.2.11'])
    expect(values(feedFilter({ tlpMax: 'green' }, 'green'))).toEqual(['192.0.2.10', '192.0.2.11'])
    expect(values(feedFilter({ tlpMax: 'amber+strict' }, 'not-a-level'))).toEqual(['192.0.2.11'])
    expect(values(feedFilter({ tlpMax: 'red' }, 'amber'))).toEqual(['192.0.2.10', '192.0.2.11', '192.0.2.12'])
    expect(s.feeds().countActive(T0)).toBe(3)
    s.close()
  })
})

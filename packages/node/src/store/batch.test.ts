import { afterEach, describe, expect, it } from 'vitest'
import { StoreInputError } from './errors.js'
import { openStore } from './open.js'
import { removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'

afterEach(removeTempDirs)

const NOW = Date.UTC(2024, 5, 1)

describe('putBatch with a sync cursor (invariant 5)', () => {
  it('stores the batch and advances the cursor together; per-object rejections do not fail the batch', () => {
    const path = tempDbPath()
    const s = openStore(path, { now: () => NOW, logger: silentLogger })
    const vs = [version(), version(), version({ modified: '2030-01-01T00:00:00Z' })]
    const results = s.putBatch(vs, { cursor: { peer: 'peer-a', seq: 42 } })
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'rejected'])
    expect(s.getCursor('peer-a')).toBe(42)
    s.close()
    const again = openStore(path, { readonly: true })
    expect(again.getCursor('peer-a')).toBe(42)
    expect(again.count().versions).toBe(2)
    expect(again.cursors()).toEqual([{ peer: 'peer-a', seq: 42, updatedAt: NOW }])
    again.close()
  })

  it('an error inside the batch rolls back every object AND the cursor', () => {
    const path = tempDbPath()
    const s = openStore(path, { now: () => NOW, logger: silentLogger })
    s.putBatch([version()], { cursor: { peer: 'peer-a', seq: 10 } })
    const good = [version(), version()]
    const bad = { ...version(), modified: 'not a timestamp' }
    expect(() => s.putBatch([...good, bad], { cursor: { peer: 'peer-a', seq: 20 } })).toThrow(StoreInputError)
    expect(s.getCursor('peer-a')).toBe(10)
    expect(s.count().versions).toBe(1)
    for (const v of good) expect(s.get(v.id)).toBeUndefined()
    // The same batch, fixed, applies cleanly afterwards: nothing half-applied was left behind.
    expect(s.putBatch(good, { cursor: { peer: 'peer-a', seq: 20 } }).map((r) => r.status)).toEqual(['created', 'created'])
    expect(s.getCursor('peer-a')).toBe(20)
    expect(s.integrityCheck()).toEqual([])
    s.close()
  })

  it('a replayed batch (crash after commit, before the peer saw the ack) is all unchanged', () => {
    const s = openStore(tempDbPath(), { now: () => NOW, logger: silentLogger })
    const vs = Array.from({ length: 20 }, () => version())
    s.putBatch(vs, { cursor: { peer: 'p', seq: 20 } })
    const seqBefore = s.lastSeq()
    expect(new Set(s.putBatch(vs, { cursor: { peer: 'p', seq: 20 } }).map((r) => r.status))).toEqual(new Set(['unchanged']))
    expect(s.lastSeq()).toBe(seqBefore)
    s.close()
  })

  it('refuses a malformed cursor before writing anything', () => {
    const s = openStore(tempDbPath(), { logger: silentLogger })
    expect(() => s.putBatch([version()], { cursor: { peer: 'p', seq: -1 } })).toThrow(/non-negative integer/)
    expect(() => s.setCursor('', 1)).toThrow(/peer id is empty/)
    expect(s.count().versions).toBe(0)
    expect(s.getCursor('p')).toBe(0)
    s.setCursor('p', 7)
    expect(s.getCursor('p')).toBe(7)
    s.close()
  })

  it('since() walks the log in seq order with quarantined bodies marked', () => {
    const s = openStore(tempDbPath(), { now: () => NOW, logger: silentLogger })
    const a = version({ note: 'a' })
    s.putBatch([a, version({ id: a.id, note: 'b' }), version()])
    const log = s.since(0, 10)
    expect(log.map((v) => v.seq)).toEqual([1, 2, 3])
    expect(log.map((v) => v.status)).toEqual(['quarantined', 'quarantined', 'valid'])
    expect(s.since(2, 10).map((v) => v.seq)).toEqual([3])
    expect(s.since(0, 2).map((v) => v.seq)).toEqual([1, 2])
    s.close()
  })
})

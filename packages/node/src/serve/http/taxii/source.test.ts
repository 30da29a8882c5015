import { afterAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../store/open.js'
import { removeTempDirs, tempDbPath, version } from '../../../store/test-support.js'
import { BUILTIN_VERSIONS } from './builtin.js'
import { ALL_COLLECTION, type CollectionDef } from './collections.js'
import { MAX_ROWS_SCANNED_PER_PAGE } from './constants.js'
import { readCollection, type ReadRequest } from './source.js'

afterAll(removeTempDirs)

/** Walks a collection page by page and returns every id served, in order. */
function walk(req: Omit<ReadRequest, 'after'>, read: (r: ReadRequest) => ReturnType<typeof readCollection>): string[] {
  const out: string[] = []
  let after: ReadRequest['after']
  for (let i = 0; i < 100_000; i++) {
    const p = read({ ...req, ...(after && { after }) })
    out.push(...p.rows.map((r) => r.id))
    if (!p.more) return out
    after = p.next
  }
  throw new Error('did not end')
}

describe('readCollection', () => {
  it('merges the built-in objects at their position, also among rows added before it', () => {
    // A clock in 2020 puts stored rows before the built-ins' 2022 date_added; a clock in 2030 after.
    let clock = Date.UTC(2020, 0, 1)
    const store = openStore(tempDbPath(), { now: () => clock })
    const early = Array.from({ length: 5 }, () => version({ created: '2019-01-01T00:00:00Z', modified: '2019-01-01T00:00:00Z' }))
    store.putBatch(early)
    clock = Date.UTC(2030, 0, 1)
    const late = Array.from({ length: 5 }, () => version())
    store.putBatch(late)
    const ids = walk({ collection: ALL_COLLECTION, filter: {}, limit: 3, now: clock }, (r) => readCollection(store, r))
    expect(ids).toEqual([...early.map((v) => v.id), ...BUILTIN_VERSIONS.map((v) => v.id), ...late.map((v) => v.id)])
    store.close()
  })

  it('stops after scanning its budget and resumes from the scanned position, missing nothing', () => {
    const store = openStore(tempDbPath())
    const rows = Array.from({ length: MAX_ROWS_SCANNED_PER_PAGE + 500 }, (_, i) => version({ type: i % 5000 === 4999 ? 'malware' : 'indicator' }))
    store.putBatch(rows)
    // A collection that keeps only a few rows far apart makes a page scan past its budget.
    const sparse: CollectionDef = { ...ALL_COLLECTION, accept: (v) => v.type === 'malware' }
    const first = readCollection(store, { collection: sparse, filter: { types: ['indicator', 'malware'] }, limit: 10, now: 0 })
    expect(first.more).toBe(true)
    expect(first.rows.length).toBeLessThan(10)
    const ids = walk({ collection: sparse, filter: { types: ['indicator', 'malware'] }, limit: 10, now: 0 }, (r) => readCollection(store, r))
    expect(ids).toEqual(rows.filter((v) => v.type === 'malware').map((v) => v.id))
    store.close()
  })
})

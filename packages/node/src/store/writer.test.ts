import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { StoreInputError } from './errors.js'
import { openStore } from './open.js'
import { MAX_FUTURE_MS } from './rules.js'
import { KEY_A, KEY_B, newId, removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'
import type { PreparedVersion } from './types.js'
import type { Store } from './writer.js'

const NOW = Date.UTC(2024, 5, 1, 12, 0, 0)
let store: Store
let path: string

beforeEach(() => {
  path = tempDbPath()
  store = openStore(path, { now: () => NOW, logger: silentLogger })
})
afterEach(() => {
  if (store.isOpen) {
    expect(store.integrityCheck()).toEqual([])
    store.close()
  }
  removeTempDirs()
})

const T1 = '2024-01-01T00:00:00Z'
const T2 = '2024-02-01T00:00:00Z'
const T3 = '2024-03-01T00:00:00Z'

describe('put: new objects and versions', () => {
  it('stores the JSON text byte for byte', () => {
    const json = '{ "type":"indicator",  "name": "caf\u00e9 \u2603",\n"x": 1.0e0 }'
    const v: PreparedVersion = { ...version(), json, hash: createHash('sha256').update(json).digest('hex') }
    const r = store.put(v)
    expect(r).toEqual({ status: 'created', seq: 1 })
    expect(store.get(v.id)?.json).toBe(json)
    expect(store.getVersion(v.id, v.modified)?.json).toBe(json)
  })

  it('a second put of the same (id, modified, hash) is unchanged and stores nothing', () => {
    const v = version()
    const first = store.put(v)
    expect(store.put(v)).toEqual({ status: 'unchanged', seq: first.status === 'created' ? first.seq : -1 })
    expect(store.count().versions).toBe(1)
    expect(store.has(v.id, v.modified, v.hash)).toBe(true)
    expect(store.has(v.id, v.modified, 'f'.repeat(64))).toBe(false)
  })

  it('a later modified becomes current; an earlier one is kept as history', () => {
    const id = newId()
    expect(store.put(version({ id, modified: T2, note: 'v2' })).status).toBe('created')
    expect(store.put(version({ id, modified: T3, note: 'v3' })).status).toBe('updated')
    expect(store.put(version({ id, modified: T1, note: 'v1' })).status).toBe('older-version')
    expect(store.get(id)?.modified).toBe(T3)
    expect(store.versions(id).map((v) => [v.modified, v.status])).toEqual([
      [T1, 'valid'],
      [T2, 'valid'],
      [T3, 'valid'],
    ])
  })

  it('compares modified at sub-millisecond precision, not as strings', () => {
    const id = newId()
    store.put(version({ id, modified: '2024-01-01T00:00:00Z', note: 'a' }))
    // As strings "…00.0001Z" < "…00Z"; as instants it is later.
    expect(store.put(version({ id, modified: '2024-01-01T00:00:00.0001Z', note: 'b' })).status).toBe('updated')
    expect(store.put(version({ id, modified: '2024-01-01T00:00:00.00005Z', note: 'c' })).status).toBe('older-version')
    expect(store.get(id)?.modified).toBe('2024-01-01T00:00:00.0001Z')
    expect(store.getVersion(id, '2024-01-01T00:00:00.000100000Z')?.modified).toBe('2024-01-01T00:00:00.0001Z')
  })
})

describe('heldIds', () => {
  it('says which ids have a stored version, in one query', () => {
    const a = version()
    const b = version()
    store.putBatch([a, b])
    const unknown = newId()
    expect(store.heldIds([a.id, unknown, b.id, a.id])).toEqual(new Set([a.id, b.id]))
    expect(store.heldIds([])).toEqual(new Set())
  })
})

describe('put: only the creator versions (invariant 3)', () => {
  it('rejects a version signed by another key and keeps the current one', () => {
    const id = newId()
    store.put(version({ id, modified: T1, signer: KEY_A }))
    const r = store.put(version({ id, modified: T2, signer: KEY_B }))
    expect(r).toMatchObject({ status: 'rejected', reason: 'not-creator' })
    expect(r.status === 'rejected' && r.message).toContain(id)
    expect(store.get(id)?.modified).toBe(T1)
    expect(store.count().versions).toBe(1)
  })

  it('treats unsigned (local) and signed as different creators', () => {
    const id = newId()
    store.put(version({ id, modified: T1, signer: undefined }))
    expect(store.put(version({ id, modified: T2, signer: KEY_A }))).toMatchObject({ reason: 'not-creator' })
    expect(store.put(version({ id, modified: T2, signer: undefined })).status).toBe('updated')
  })

  it('a different key with the same modified is not-creator, not equivocation', () => {
    const id = newId()
    store.put(version({ id, modified: T1, signer: KEY_A, note: 'a' }))
    expect(store.put(version({ id, modified: T1, signer: KEY_B, note: 'b' }))).toMatchObject({ reason: 'not-creator' })
    expect(store.versions(id).map((v) => v.status)).toEqual(['valid'])
    expect(store.equivocations()).toEqual([])
  })
})

describe('put: revoked is final', () => {
  it('refuses newer and older versions after a revocation but still answers unchanged to a re-put', () => {
    const id = newId()
    store.put(version({ id, modified: T1 }))
    const revoked = version({ id, modified: T2, revoked: true })
    expect(store.put(revoked).status).toBe('updated')
    expect(store.put(version({ id, modified: T3 }))).toMatchObject({ status: 'rejected', reason: 'revoked-final' })
    expect(store.put(version({ id, modified: '2023-06-01T00:00:00Z' }))).toMatchObject({ reason: 'revoked-final' })
    expect(store.put(revoked).status).toBe('unchanged')
    expect(store.get(id)?.revoked).toBe(true)
    expect(store.count().revokedObjects).toBe(1)
  })

  it('a revocation arriving after a later version still becomes current', () => {
    const id = newId()
    store.put(version({ id, modified: T3 }))
    expect(store.put(version({ id, modified: T1, revoked: true })).status).toBe('updated')
    expect(store.get(id)).toMatchObject({ modified: T1, revoked: true })
    expect(store.put(version({ id, modified: T2 }))).toMatchObject({ reason: 'revoked-final' })
  })
})

describe('put: modified in the future', () => {
  const at = (ms: number, extra = ''): string => new Date(ms).toISOString().replace('Z', `${extra}Z`)

  it('accepts up to 10 minutes ahead and rejects anything later, even by a microsecond', () => {
    expect(store.put(version({ modified: at(NOW + MAX_FUTURE_MS) })).status).toBe('created')
    expect(store.put(version({ modified: at(NOW + MAX_FUTURE_MS, '001') }))).toMatchObject({ reason: 'future-modified' })
    expect(store.put(version({ modified: at(NOW + MAX_FUTURE_MS + 1) }))).toMatchObject({
      status: 'rejected',
      reason: 'future-modified',
    })
    expect(store.count().versions).toBe(1)
  })
})

describe('put: equivocation', () => {
  it('keeps both bodies as proof, quarantines the version, flags the origin, falls back to the older version', () => {
    const id = newId()
    store.put(version({ id, modified: T1, note: 'old' }))
    const a = version({ id, modified: T2, note: 'body a', origin: 'peer-1' })
    const b = version({ id, modified: T2, note: 'body b', origin: 'peer-2' })
    expect(store.put(a).status).toBe('updated')
    const r = store.put(b)
    expect(r).toMatchObject({ status: 'rejected', reason: 'equivocation' })
    expect(store.versions(id).map((v) => [v.modified, v.status])).toEqual([
      [T1, 'valid'],
      [T2, 'quarantined'],
      [T2, 'quarantined'],
    ])
    expect(store.get(id)?.modified).toBe(T1)
    expect(store.getVersion(id, T2)).toBeUndefined()
    const [proof, ...rest] = store.equivocations(id)
    expect(rest).toEqual([])
    expect(new Set([proof?.jsonA, proof?.jsonB])).toEqual(new Set([a.json, b.json]))
    expect(proof).toMatchObject({ id, modified: T2, signer: KEY_A, origin: 'peer-2', detectedAt: NOW })
    expect(store.originFlags('peer-2')).toEqual([{ origin: 'peer-2', reason: 'equivocation', count: 1, firstAt: NOW, lastAt: NOW }])
    // A quarantined version stays out of lookups and TAXII.
    expect(store.page({ limit: 10, versions: 'all' }).items.map((v) => v.modified)).toEqual([T1])
  })

  it('the same instant written with other precision is the same version, so a different body equivocates', () => {
    const id = newId()
    store.put(version({ id, modified: '2024-01-01T00:00:00.1Z' }))
    expect(store.put(version({ id, modified: '2024-01-01T00:00:00.100Z' }))).toMatchObject({ reason: 'equivocation' })
  })

  it('answers a further body with quarantined, a repeat with unchanged, and keeps no current when nothing is valid', () => {
    const id = newId()
    const a = version({ id, modified: T1, note: 'a' })
    store.put(a)
    store.put(version({ id, modified: T1, note: 'b' }))
    expect(store.put(version({ id, modified: T1, note: 'c' }))).toMatchObject({ status: 'rejected', reason: 'quarantined' })
    expect(store.put(a).status).toBe('unchanged')
    expect(store.get(id)).toBeUndefined()
    expect(store.equivocations(id)).toHaveLength(2)
    expect(store.count()).toMatchObject({ versions: 3, quarantined: 3, objects: 0 })
    // A later, honest version by the same creator is accepted and becomes current.
    expect(store.put(version({ id, modified: T2 })).status).toBe('updated')
    expect(store.get(id)?.modified).toBe(T2)
  })

  it('records a proof handed over whole, once', () => {
    const id = newId()
    const a = version({ id, modified: T1, note: 'a', origin: 'peer-9' })
    const b = version({ id, modified: T1, note: 'b', origin: 'peer-9' })
    store.put(a)
    expect(store.recordEquivocation(a, b)).toEqual({ status: 'recorded', quarantined: 1 })
    expect(store.recordEquivocation(b, a)).toEqual({ status: 'known', quarantined: 0 })
    expect(store.versions(id).map((v) => v.status)).toEqual(['quarantined', 'quarantined'])
    expect(store.originFlags('peer-9')[0]?.count).toBe(1)
    expect(store.put(version({ id, modified: T1, note: 'b', origin: 'x' })).status).toBe('unchanged')
    const stranger = version({ id, modified: T1, note: 'z', signer: KEY_B })
    expect(store.recordEquivocation(stranger, { ...stranger, ...version({ id, modified: T1, note: 'y', signer: KEY_B }) })).toMatchObject({
      status: 'rejected',
      reason: 'not-creator',
    })
  })

  it('a proof about an unknown object still blocks both bodies', () => {
    const id = newId()
    const a = version({ id, modified: T1, note: 'a' })
    const b = version({ id, modified: T1, note: 'b' })
    expect(store.recordEquivocation(a, b, 'peer-3')).toEqual({ status: 'recorded', quarantined: 0 })
    expect(store.put(a).status).toBe('unchanged')
    expect(store.get(id)).toBeUndefined()
    expect(store.put(version({ id, modified: T2, signer: KEY_B }))).toMatchObject({ reason: 'not-creator' })
  })
})

describe('date_added', () => {
  it('is strictly increasing under a frozen clock, and continues past the stored maximum after reopening', () => {
    const seen: number[] = []
    for (let i = 0; i < 50; i++) {
      const r = store.put(version())
      if (r.status !== 'created') throw new Error('expected created')
      seen.push(store.since(r.seq! - 1, 1)[0]!.dateAdded)
    }
    expect(seen[0]).toBe(NOW * 1000)
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBe(seen[i - 1]! + 1)
    store.close()
    // The clock went backwards meanwhile.
    store = openStore(path, { now: () => NOW - 60_000, logger: silentLogger })
    const r = store.put(version())
    expect(store.since(r.status === 'created' ? r.seq! - 1 : 0, 1)[0]?.dateAdded).toBe(seen[seen.length - 1]! + 1)
  })

  it('follows the clock in microseconds when it moves forward', () => {
    let t = NOW
    store.close()
    store = openStore(path, { now: () => t, logger: silentLogger })
    store.put(version())
    t += 5
    store.put(version())
    expect(store.since(0, 10).map((v) => v.dateAdded)).toEqual([NOW * 1000, (NOW + 5) * 1000])
  })
})

describe('bad input', () => {
  it('throws a StoreInputError naming the object and stores nothing', () => {
    const v = version()
    expect(() => store.put({ ...v, hash: 'ABC' })).toThrow(StoreInputError)
    expect(() => store.put({ ...v, modified: '2024-13-01T00:00:00Z' })).toThrow(`put ${v.id} modified:`)
    expect(() => store.put({ ...v, type: 'malware' })).toThrow(/does not match the id's type/)
    expect(() => store.put({ ...v, confidence: 101 })).toThrow(/confidence/)
    expect(store.count().versions).toBe(0)
  })
})

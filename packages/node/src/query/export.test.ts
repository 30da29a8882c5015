import {
  CERTMESH_PROJECT_IDENTITY_ID,
  SIGNATURE_EXTENSION_ID,
  TLP2_EXTENSION_DEFINITION_ID,
  TLP2_MARKING_IDS,
  validateBundle,
  verifyObject,
} from '@certmesh/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BadRequestError } from '../errors.js'
import { parseCsv } from '../ingest/parse/csv.js'
import type { IndicatorCandidate } from '../ingest/parse/candidate.js'
import { resolveCandidate } from '../ingest/resolve.js'
import type { PreparedVersion, Store } from '../store/index.js'
import { exportChunks, exportObjects } from './export.js'
import {
  NOW,
  openTempStore,
  preparedIdentity,
  preparedIndicator,
  preparedSighting,
  putOk,
  removeTempStores,
  signerOf,
} from './test-support.js'

const self = signerOf(1)
const peer = signerOf(2)
const SHA = 'cd'.repeat(32)
const MD5 = 'ef'.repeat(16)
const SHA3 = '12'.repeat(32)
const LATER = '2026-01-01T00:00:00.000Z'

let store: Store
const v: Record<string, PreparedVersion> = {}
let sightingId = ''

beforeAll(() => {
  store = openTempStore()
  v.selfIdentity = putOk(store, preparedIdentity(self, 'CERT Local'))
  v.peerIdentity = putOk(store, preparedIdentity(peer, 'CERT Peer', 'peer-2'))
  v.ip = putOk(
    store,
    preparedIndicator({
      signer: self,
      values: [['ipv4-addr', 'value', '198.51.100.7']],
      tlp: 'amber',
      confidence: 80,
      validUntil: LATER,
      labels: ['c2', 'botnet'],
      description: 'Beacon, "quoted"\nsecond line',
      pretty: true,
    }),
  )
  v.domain = putOk(store, preparedIndicator({ signer: peer, values: [['domain-name', 'value', 'evil.badcorp.net']], confidence: 40 }))
  v.hashes = putOk(
    store,
    preparedIndicator({ signer: peer, values: [['file', "hashes.'SHA-256'", SHA], ['file', 'hashes.MD5', MD5]], tlp: 'clear', confidence: 60 }),
  )
  v.sha3 = putOk(store, preparedIndicator({ signer: peer, values: [['file', "hashes.'SHA3-256'", SHA3]], confidence: 50 }))
  v.sameIp = putOk(store, preparedIndicator({ signer: peer, values: [['ipv4-addr', 'value', '198.51.100.7']], confidence: 70 }))
  v.v6 = putOk(store, preparedIndicator({ signer: peer, values: [['ipv6-addr', 'value', '2001:db8::/32']] }))
  v.revoked = putOk(store, preparedIndicator({ signer: peer, values: [['domain-name', 'value', 'revoked.badcorp.net']], revoked: true }))
  v.expired = putOk(store, preparedIndicator({ signer: peer, values: [['domain-name', 'value', 'old.badcorp.net']], validUntil: '2025-01-02T00:00:00.000Z' }))
  v.flagged = putOk(
    store,
    preparedIndicator({ signer: self, values: [['ipv4-addr', 'value', '10.1.2.3']], flags: ['warninglist:List of RFC 1918 CIDR blocks'] }),
  )
  v.red = putOk(store, preparedIndicator({ signer: self, values: [['url', 'value', 'http://red.badcorp.net/']], tlp: 'red' }))
  const s = putOk(store, preparedSighting({ signer: peer, of: v.domain.id, count: 2 }))
  sightingId = s.id
})
afterAll(() => {
  store.close()
  removeTempStores()
})

const opts = { now: NOW }
type Bundle = { type: string; id: string; objects?: Record<string, unknown>[] }
const bundle = (o: Parameters<typeof exportObjects>[1]): Bundle => JSON.parse(exportObjects(store, o).body) as Bundle
const idsOf = (b: Bundle): string[] => (b.objects ?? []).map((o) => o.id as string)
const ACTIVE = ['ip', 'domain', 'hashes', 'sha3', 'sameIp', 'v6', 'red']

describe('export: STIX bundle', () => {
  it('is a valid bundle of the active indicators and everything they reference', () => {
    const r = exportObjects(store, { format: 'stix', ...opts })
    expect(r.contentType).toBe('application/stix+json;version=2.1')
    const b = JSON.parse(r.body) as Bundle
    const check = validateBundle(b)
    expect(check.issues).toEqual([])
    expect(b.id).toMatch(/^bundle--[0-9a-f-]{36}$/)
    const ids = idsOf(b)
    expect(new Set(ids).size).toBe(ids.length)
    for (const k of ACTIVE) expect(ids, k).toContain(v[k]?.id)
    for (const k of ['revoked', 'expired', 'flagged']) expect(ids, k).not.toContain(v[k]?.id)
    expect(ids).toEqual(
      expect.arrayContaining([
        self.identityId,
        peer.identityId,
        TLP2_MARKING_IDS.amber,
        TLP2_MARKING_IDS.green,
        TLP2_MARKING_IDS.clear,
        TLP2_MARKING_IDS.red,
        SIGNATURE_EXTENSION_ID,
        CERTMESH_PROJECT_IDENTITY_ID,
        TLP2_EXTENSION_DEFINITION_ID,
      ]),
    )
    expect(ids).not.toContain(TLP2_MARKING_IDS['amber+strict'])
    expect(ids).not.toContain(sightingId)
  })

  it('splices the stored JSON byte for byte, so every signature still verifies', () => {
    const r = exportObjects(store, { format: 'stix', ...opts })
    expect(v.ip?.json).toContain('\n  ') // the fixture is pretty-printed
    for (const k of [...ACTIVE, 'selfIdentity', 'peerIdentity']) expect(r.body, k).toContain(v[k]?.json)
    const b = JSON.parse(r.body) as Bundle
    const signed = (b.objects ?? []).filter((o) => SIGNATURE_EXTENSION_ID in ((o.extensions as object | undefined) ?? {}))
    expect(signed.length).toBe(ACTIVE.length + 2)
    for (const o of signed) expect(verifyObject(o).ok, String(o.id)).toBe(true)
  })

  it('includes revoked, expired and flagged objects with includeRevoked', () => {
    const ids = idsOf(bundle({ format: 'stix', includeRevoked: true, ...opts }))
    for (const k of [...ACTIVE, 'revoked', 'expired', 'flagged']) expect(ids, k).toContain(v[k]?.id)
  })

  it('filters by minimum confidence, leaving out objects without one', () => {
    const ids = idsOf(bundle({ format: 'stix', minConfidence: 60, ...opts }))
    for (const k of ['ip', 'hashes', 'sameIp']) expect(ids, k).toContain(v[k]?.id)
    for (const k of ['domain', 'sha3', 'v6', 'red']) expect(ids, k).not.toContain(v[k]?.id)
  })

  it('exports another STIX type with what it references', () => {
    const b = bundle({ format: 'stix', type: 'sighting', ...opts })
    expect(validateBundle(b).issues).toEqual([])
    expect(idsOf(b)).toEqual(expect.arrayContaining([sightingId, v.domain?.id, peer.identityId, SIGNATURE_EXTENSION_ID]))
    expect(idsOf(b)).not.toContain(v.ip?.id)
  })

  it('has no objects list when nothing matches, and stays valid', () => {
    const r = exportObjects(store, { format: 'stix', type: 'malware', ...opts })
    const b = JSON.parse(r.body) as Bundle
    expect(Object.keys(b)).toEqual(['type', 'id'])
    expect(validateBundle(b).valid).toBe(true)
  })
})

describe('export: CSV', () => {
  const parse = (body: string): IndicatorCandidate[] => {
    const p = parseCsv(body)
    expect(p.problems).toEqual([])
    return p.candidates as IndicatorCandidate[]
  }

  it('round-trips through the CSV importer and type resolution: same observables and attributes', () => {
    const r = exportObjects(store, { format: 'csv', ...opts })
    expect(r.contentType).toMatch(/^text\/csv/)
    expect(r.body.split('\r\n')[0]).toBe('value,type,tlp,confidence,valid_until,labels,description')
    const rows = parse(r.body)
    const keys = rows
      .map((c) => {
        const r = resolveCandidate(c)
        if (!r.ok) throw new Error(`${c.value}: ${r.message}`)
        return r.observables.map((o) => o.key).join(' ')
      })
      .sort()
    expect(keys).toEqual(
      [
        'ipv4-addr:value=198.51.100.7',
        'ipv4-addr:value=198.51.100.7',
        'domain-name:value=evil.badcorp.net',
        `file:hashes.SHA-256=${SHA}`,
        `file:hashes.MD5=${MD5}`,
        // Named by algorithm, so the importer does not take it for a SHA-256 by its length.
        `file:hashes.SHA3-256=${SHA3}`,
        'ipv6-addr:value=2001:db8::/32',
        'url:value=http://red.badcorp.net/',
      ].sort(),
    )
    const ip = rows.find((c) => c.value === '198.51.100.7' && c.tlp === 'amber')
    expect(ip).toMatchObject({
      typeHint: 'ipv4-addr',
      tlp: 'amber',
      confidence: 80,
      validUntil: LATER,
      labels: ['c2', 'botnet'],
      description: 'Beacon, "quoted"\nsecond line',
    })
    expect(rows.find((c) => c.value === SHA)?.typeHint).toBe('sha256')
  })

  it('quotes per RFC 4180', () => {
    const body = exportObjects(store, { format: 'csv', type: 'ipv4', ...opts }).body
    expect(body).toContain('"Beacon, ""quoted""\nsecond line"\r\n')
  })

  it('filters by observable type and short names', () => {
    const values = (type: string): string[] => parse(exportObjects(store, { format: 'csv', type, ...opts }).body).map((c) => c.value).sort()
    expect(values('ip')).toEqual(['198.51.100.7', '198.51.100.7', '2001:db8::/32'])
    expect(values('sha256')).toEqual([SHA])
    expect(values('file')).toEqual([MD5, SHA, SHA3].sort())
    expect(values('domain-name')).toEqual(['evil.badcorp.net'])
  })
})

describe('export: plain text', () => {
  const lines = (o: Partial<Parameters<typeof exportObjects>[1]> = {}): string[] => {
    const r = exportObjects(store, { format: 'txt', ...opts, ...o })
    expect(r.contentType).toBe('text/plain; charset=utf-8')
    expect(r.body.endsWith('\n')).toBe(true)
    return r.body.slice(0, -1).split('\n')
  }

  it('lists each active normalised value once', () => {
    expect(lines().sort()).toEqual(
      ['198.51.100.7', 'evil.badcorp.net', SHA, MD5, SHA3, '2001:db8::/32', 'http://red.badcorp.net/'].sort(),
    )
  })

  it('filters by type and confidence', () => {
    expect(lines({ type: 'ipv4-addr' })).toEqual(['198.51.100.7'])
    expect(lines({ minConfidence: 61 }).sort()).toEqual(['198.51.100.7'])
    expect(exportObjects(store, { format: 'txt', type: 'email', ...opts }).body).toBe('')
  })
})

describe('export: options', () => {
  it('refuses bad options before reading anything', () => {
    expect(() => exportChunks(store, { format: 'xml' as 'txt' })).toThrow(BadRequestError)
    expect(() => exportChunks(store, { format: 'csv', minConfidence: 101 })).toThrow(/min_confidence/)
    expect(() => exportChunks(store, { format: 'csv', minConfidence: 1.5 })).toThrow(BadRequestError)
    expect(() => exportChunks(store, { format: 'txt', type: 'indicator' })).toThrow(/not an observable type/)
    expect(() => exportChunks(store, { format: 'stix', type: 'Not A Type' })).toThrow(/not a STIX type name/)
  })

  it('streams the same text it returns whole', () => {
    const s = exportChunks(store, { format: 'csv', ...opts })
    expect([...s.chunks].join('')).toBe(exportObjects(store, { format: 'csv', ...opts }).body)
  })
})

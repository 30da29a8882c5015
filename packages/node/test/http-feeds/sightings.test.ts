import { markingIdForTlp, verifyObject } from '@certmesh/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sightingsFor } from '../../src/sighting/index.js'
import { newVersion, putIndicator, startFeedNode, type FeedTestNode } from './harness.js'

interface SightingBody {
  sightings: { id: string; indicator_id: string; count: number; tlp: string; object: Record<string, unknown> }[]
}

describe('POST /api/v1/sightings (real HTTP, real SQLite)', () => {
  let t: FeedTestNode
  let ip: Record<string, unknown>
  let net: Record<string, unknown>
  let dom: Record<string, unknown>
  let siem: string

  beforeAll(async () => {
    t = await startFeedNode()
    const { store, signer } = t.node
    ip = putIndicator(store, signer, { type: 'ipv4-addr', value: '198.51.100.7', tlp: 'amber' })
    net = putIndicator(store, signer, { type: 'ipv4-addr', value: '198.51.100.0/24', tlp: 'green' })
    dom = putIndicator(store, signer, { type: 'domain-name', value: 'evil.example.com', tlp: 'red' })
    siem = t.token('sentinel', { read: 'all', write: ['indicators'] })
  })
  afterAll(async () => {
    await t.close()
  })

  it('records a signed sighting per matching indicator, under each indicator\'s TLP', async () => {
    const res = await t.post(
      '/api/v1/sightings',
      { value: '198.51.100.7', count: 3, first_seen: '2025-01-01T10:00:00Z', last_seen: '2025-01-01T11:00:00.5Z', where: 'fw-berlin-1' },
      siem,
    )
    expect(res.status).toBe(201)
    const body = (await res.json()) as SightingBody
    // The exact address and the /24 that contains it.
    expect(body.sightings.map((s) => s.indicator_id).sort()).toEqual([String(ip.id), String(net.id)].sort())
    const byInd = new Map(body.sightings.map((s) => [s.indicator_id, s]))
    expect(byInd.get(String(ip.id))!.tlp).toBe('amber')
    expect(byInd.get(String(net.id))!.tlp).toBe('green')
    const o = byInd.get(String(ip.id))!.object
    expect(o).toMatchObject({
      type: 'sighting',
      spec_version: '2.1',
      sighting_of_ref: ip.id,
      count: 3,
      first_seen: '2025-01-01T10:00:00.000Z',
      last_seen: '2025-01-01T11:00:00.500Z',
      description: 'fw-berlin-1',
      created_by_ref: t.node.signer.identityId,
      where_sighted_refs: [t.node.signer.identityId],
      object_marking_refs: [markingIdForTlp('amber')],
    })
    expect(verifyObject(o).ok).toBe(true)
    // Stored byte for byte and readable back.
    const stored = t.node.store.get(String(o.id))
    expect(stored?.tlp).toBe('amber')
    expect(stored?.origin).toBe('local')
    expect(JSON.parse(stored!.json)).toEqual(o)
  })

  it('sights by indicator_id; count defaults to 1', async () => {
    const res = await t.post('/api/v1/sightings', { indicator_id: dom.id }, siem)
    expect(res.status).toBe(201)
    const [s] = ((await res.json()) as SightingBody).sightings
    expect(s).toMatchObject({ indicator_id: dom.id, count: 1, tlp: 'red' })
    expect(s!.object.object_marking_refs).toEqual([markingIdForTlp('red')])
  })

  it('sightingsFor sums per organisation, and lookup shows it', async () => {
    await t.post('/api/v1/sightings', { value: 'EVIL.example.com', count: 4, last_seen: '2025-02-01T00:00:00Z' }, siem)
    const s = sightingsFor(t.node.store, String(dom.id))
    expect(s).toEqual({
      count: 5,
      by: [{ identity_id: t.node.signer.identityId, name: 'CERT Feedland', count: 5, last_seen: '2025-02-01T00:00:00.000Z' }],
    })
    expect(sightingsFor(t.node.store, 'indicator--00000000-0000-4000-8000-000000000000')).toEqual({ count: 0, by: [] })
    const res = await t.get('/api/v1/lookup?value=evil.example.com')
    const body = (await res.json()) as { results: { matches: { indicator_id: string; sightings: { count: number } }[] }[] }
    expect(body.results[0]!.matches.find((m) => m.indicator_id === dom.id)?.sightings.count).toBe(5)
  })

  it('revoked sightings stop counting', async () => {
    const res = await t.post('/api/v1/sightings', { indicator_id: net.id, count: 10 }, siem)
    const [s] = ((await res.json()) as SightingBody).sightings
    const before = sightingsFor(t.node.store, String(net.id)).count
    newVersion(t.node.store, t.node.signer, s!.object, { revoked: true }, Date.now() + 5)
    expect(sightingsFor(t.node.store, String(net.id)).count).toBe(before - 10)
  })

  it('404 when no active indicator matches; revoked and expired ones do not count', async () => {
    const { store, signer } = t.node
    const gone = putIndicator(store, signer, { type: 'ipv4-addr', value: '192.0.2.1' })
    newVersion(store, signer, gone, { revoked: true })
    const old = putIndicator(store, signer, { type: 'ipv4-addr', value: '192.0.2.2', validFrom: Date.now() - 7_200_000, validUntil: Date.now() - 3_600_000 })
    for (const body of [{ value: '192.0.2.1' }, { value: '192.0.2.2' }, { value: '203.0.113.9' }, { indicator_id: gone.id }, { indicator_id: old.id }]) {
      const res = await t.post('/api/v1/sightings', body, siem)
      expect(res.status).toBe(404)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/^no active indicator/)
    }
  })

  it('answers precise 400s', async () => {
    const cases: [unknown, RegExp][] = [
      [{}, /^give exactly one of value and indicator_id$/],
      [{ value: '1.2.3.4', indicator_id: ip.id }, /^give exactly one of value and indicator_id$/],
      [{ value: '198.51.100.7', count: 0 }, /^count: must be a whole number from 1 to 999999999, got 0$/],
      [{ value: '198.51.100.7', count: 1.5 }, /^count: must be a whole number/],
      [{ value: '198.51.100.7', first_seen: 'monday' }, /^first_seen: must be an RFC 3339 date-time/],
      [{ value: '198.51.100.7', first_seen: '2025-01-02T00:00:00Z', last_seen: '2025-01-01T00:00:00Z' }, /^last_seen .* is earlier than first_seen/],
      [{ value: '198.51.100.7', last_seen: '2999-01-01T00:00:00Z' }, /^last_seen: .* is in the future$/],
      [{ value: '198.51.100.7', observed_data: {} }, /^observed_data: not supported/],
      [{ value: '198.51.100.7', sensor: 'x' }, /^unknown field 'sensor'/],
      [{ indicator_id: 'malware--6b5e2a45-8b7d-4e5d-9f1c-1b2c3d4e5f60' }, /^indicator_id: must be an indicator id/],
      [{ value: 'not a value at all' }, /^value: 'not a value at all' is not an IP address/],
      [{ value: '198.51.100.7', where: 5 }, /^where: must be a string/],
      ['[1,2]', /must be a JSON object/],
      ['{nope', /not JSON/],
    ]
    for (const [body, message] of cases) {
      const res = await t.post('/api/v1/sightings', body, siem)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message)
    }
  })

  it('needs write rights on indicators', async () => {
    expect((await t.post('/api/v1/sightings', { value: '198.51.100.7' }, null)).status).toBe(401)
    const reader = t.token('reader', { read: 'all' })
    expect((await t.post('/api/v1/sightings', { value: '198.51.100.7' }, reader)).status).toBe(403)
    const other = t.token('other-writer', { write: ['reports'] })
    expect((await t.post('/api/v1/sightings', { value: '198.51.100.7' }, other)).status).toBe(403)
    expect((await t.post('/api/v1/sightings', { value: '198.51.100.7' }, t.adminToken)).status).toBe(201)
  })
})

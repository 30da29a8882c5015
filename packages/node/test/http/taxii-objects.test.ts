import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEY_A, KEY_B, version } from '../../src/store/test-support.js'
import { startTestNode, taxiiJson, type TestNode } from './harness.js'

/** TAXII 2.1 §5.3 manifest, §5.4 objects, §5.6 object, §5.8 versions, §3.5 filters, over HTTP. */
type Obj = { id: string; type: string; modified?: string; revoked?: boolean }
type Envelope = { more: boolean; next?: string; objects?: Obj[] }

const T1 = '2026-03-01T10:00:00.000Z'
const T2 = '2026-03-02T10:00:00.000Z'
const T3 = '2026-03-03T10:00:00.000Z'
const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'
const SIGNATURE_EXT = 'extension-definition--2ceecda0-58cc-4f76-9992-7236c0eea014'

describe('TAXII objects, manifest, object and versions over HTTP', () => {
  let t: TestNode
  let active: string
  let revoked: string
  let flagged: string
  let expired: string
  let malware: string
  let multi: string
  let identity: string

  const objects = async (path: string): Promise<Envelope> => {
    const res = await t.taxii(path)
    expect(res.status, path).toBe(200)
    return taxiiJson<Envelope>(res)
  }
  const ids = (e: Envelope) => (e.objects ?? []).map((o) => o.id)

  beforeAll(async () => {
    t = await startTestNode()
    identity = t.node.signer.identityId
    const add = (type: string, value: string) => {
      const item = t.node.ingestor.addIndicator({ type, value }).items[0]!
      if (item.status !== 'created') throw new Error(JSON.stringify(item))
      return item.id!
    }
    active = add('ipv4-addr', '91.215.85.17')
    revoked = add('domain-name', 'evil.example')
    t.node.ingestor.revoke(revoked)
    flagged = add('ipv4-addr', '10.0.0.1')
    if (t.node.store.get(active)!.flags.length > 0 || t.node.store.get(flagged)!.flags.length === 0) throw new Error('warninglist fixtures changed')
    const e = version({ type: 'indicator', signer: KEY_B, validUntil: Date.now() - 60_000 })
    const m = version({ type: 'malware', signer: KEY_B })
    const v1 = version({ type: 'indicator', signer: KEY_A, created: T1, modified: T1 })
    const v2 = version({ id: v1.id, type: 'indicator', signer: KEY_A, created: T1, modified: T2 })
    const v3 = version({ id: v1.id, type: 'indicator', signer: KEY_A, created: T1, modified: T3 })
    t.node.store.putBatch([e, m, v1, v2, v3])
    ;[expired, malware, multi] = [e.id, m.id, v1.id]
  })
  afterAll(async () => {
    await t.close()
  })

  describe('GET objects (§5.4)', () => {
    it('serves the current version of everything, with the built-in markings and extension definitions', async () => {
      const res = await t.taxii('/api/collections/all/objects/')
      const env = await taxiiJson<Envelope>(res)
      expect(env.more).toBe(false)
      expect(env.next).toBeUndefined()
      const got = ids(env)
      expect(got).toEqual(expect.arrayContaining([identity, active, revoked, flagged, expired, malware, multi, TLP_GREEN, SIGNATURE_EXT]))
      expect(got).toHaveLength(8 + 7)
      expect(env.objects!.find((o) => o.id === revoked)!.revoked).toBe(true)
      expect(env.objects!.find((o) => o.id === multi)!.modified).toBe(T3)
      expect(res.headers.get('x-taxii-date-added-first')).toBe('2022-10-01T00:00:00.000000Z')
      expect(res.headers.get('x-taxii-date-added-last')).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    })

    it('serves stored objects byte for byte as signed', async () => {
      const text = await (await t.taxii(`/api/collections/all/objects/?match[id]=${active}`)).text()
      expect(text).toContain(t.node.store.get(active)!.json)
    })

    it('indicators collection: active indicators and revocations, no expired, warninglisted or non-indicators', async () => {
      const got = ids(await objects('/api/collections/indicators/objects/'))
      expect(got).toEqual(expect.arrayContaining([active, revoked, multi, TLP_GREEN, SIGNATURE_EXT]))
      for (const absent of [flagged, expired, malware, identity]) expect(got).not.toContain(absent)
    })

    it('match[type]: comma is OR', async () => {
      const got = ids(await objects('/api/collections/all/objects/?match[type]=malware,identity'))
      expect(got.sort()).toEqual([malware, identity, 'identity--1c8ee033-20c2-4a21-99d7-6f33894d4eaf'].sort())
    })

    it('fields are AND-ed, and repeated parameters merge', async () => {
      expect(ids(await objects(`/api/collections/all/objects/?match[type]=indicator&match[id]=${active},${malware}`))).toEqual([active])
      expect(ids(await objects(`/api/collections/all/objects/?match[id]=${active}&match[id]=${malware}`)).sort()).toEqual([active, malware].sort())
    })

    it('match[version]: last by default, first, all, timestamps, and mixes', async () => {
      const versions = async (q: string) => (await objects(`/api/collections/all/objects/?match[id]=${multi}${q}`)).objects!.map((o) => o.modified)
      expect(await versions('')).toEqual([T3])
      expect(await versions('&match[version]=last')).toEqual([T3])
      expect(await versions('&match[version]=first')).toEqual([T1])
      expect(await versions('&match[version]=all')).toEqual([T1, T2, T3])
      expect(await versions(`&match[version]=${T2}`)).toEqual([T2])
      expect(await versions('&match[version]=2026-03-02T10:00:00Z')).toEqual([T2])
      expect(await versions('&match[version]=first,last')).toEqual([T1, T3])
      expect(await versions(`&match[version]=first,${T2}`)).toEqual([T1, T2])
      expect(await versions(`&match[version]=all,${T2}`)).toEqual([T1, T2, T3])
    })

    it('match[spec_version]', async () => {
      expect(ids(await objects('/api/collections/all/objects/?match[spec_version]=2.1'))).toHaveLength(15)
      const res = await t.taxii('/api/collections/all/objects/?match[spec_version]=2.0')
      expect(await taxiiJson(res)).toEqual({ more: false })
      expect(res.headers.get('x-taxii-date-added-first')).toBeNull()
    })

    it('added_after keeps only objects added strictly later', async () => {
      const res = await t.taxii(`/api/collections/all/objects/?match[id]=${active}`)
      const at = res.headers.get('x-taxii-date-added-last')!
      const later = ids(await objects(`/api/collections/all/objects/?added_after=${at}`))
      expect(later).not.toContain(active)
      expect(later).toContain(multi)
      expect(ids(await objects('/api/collections/all/objects/?added_after=2023-01-01T00:00:00Z'))).not.toContain(TLP_GREEN)
      expect(ids(await objects('/api/collections/all/objects/?added_after=2099-01-01T00:00:00.000000Z'))).toEqual([])
    })

    it('limit pages with more and next; an over-large limit is capped, not refused', async () => {
      const page = await objects('/api/collections/all/objects/?limit=2')
      expect(page.objects).toHaveLength(2)
      expect(page.more).toBe(true)
      const rest = await objects(`/api/collections/all/objects/?limit=100&next=${encodeURIComponent(page.next!)}`)
      expect(rest.more).toBe(false)
      expect([...ids(page), ...ids(rest)]).toEqual(ids(await objects('/api/collections/all/objects/?limit=1000000')))
    })

    it.each([
      ['limit=0', 'limit'],
      ['limit=-3', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=1.5', 'limit'],
      ['added_after=yesterday', 'added_after'],
      ['added_after=2026-02-30T00:00:00Z', 'added_after'],
      ['match[id]=not-an-id', 'match[id]'],
      ['match[type]=Bad%20Type', 'match[type]'],
      ['match[type]=', 'match[type]'],
      ['match[type]=indicator,,malware', 'match[type]'],
      ['match[version]=newest', 'match[version]'],
      ['match[spec_version]=two', 'match[spec_version]'],
    ])('malformed %s → 400 naming the parameter', async (q, name) => {
      const res = await t.taxii(`/api/collections/all/objects/?${q}`)
      expect(res.status).toBe(400)
      const err = await taxiiJson(res)
      expect(err.http_status).toBe('400')
      expect(String(err.description).startsWith(name)).toBe(true)
    })
  })

  describe('GET manifest (§5.3)', () => {
    it('lists id, microsecond date_added, version and media type, matching the headers', async () => {
      const res = await t.taxii(`/api/collections/all/manifest/?match[id]=${multi}&match[version]=all`)
      const m = await taxiiJson<{ more: boolean; objects: { id: string; date_added: string; version: string; media_type: string }[] }>(res)
      expect(m.objects.map((o) => o.version)).toEqual([T1, T2, T3])
      expect(m.objects.every((o) => o.id === multi && o.media_type === 'application/stix+json;version=2.1')).toBe(true)
      for (const o of m.objects) expect(o.date_added).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
      expect(res.headers.get('x-taxii-date-added-first')).toBe(m.objects[0]!.date_added)
      expect(res.headers.get('x-taxii-date-added-last')).toBe(m.objects[2]!.date_added)
    })

    it('uses the same filters and collection view as objects', async () => {
      const m = await taxiiJson<{ objects: { id: string }[] }>(await t.taxii('/api/collections/indicators/manifest/?match[type]=indicator'))
      expect(m.objects.map((o) => o.id).sort()).toEqual([active, revoked, multi].sort())
    })
  })

  describe('GET object (§5.6) and versions (§5.8)', () => {
    it('serves one object, with match[version]', async () => {
      expect(ids(await objects(`/api/collections/all/objects/${active}/`))).toEqual([active])
      const all = await objects(`/api/collections/all/objects/${multi}/?match[version]=all`)
      expect(all.objects!.map((o) => o.modified)).toEqual([T1, T2, T3])
    })

    it('serves the built-in marking definitions in every collection', async () => {
      expect(ids(await objects(`/api/collections/indicators/objects/${TLP_GREEN}/`))).toEqual([TLP_GREEN])
    })

    it('404 for an object the collection does not hold; 400 for a malformed id', async () => {
      expect((await t.taxii('/api/collections/all/objects/indicator--00000000-0000-4000-8000-000000000000/')).status).toBe(404)
      expect((await t.taxii(`/api/collections/indicators/objects/${identity}/`)).status).toBe(404)
      expect((await t.taxii(`/api/collections/indicators/objects/${flagged}/`)).status).toBe(404)
      expect((await t.taxii('/api/collections/all/objects/nonsense/')).status).toBe(400)
    })

    it('an object whose versions the filter excludes is an empty 200, not a 404', async () => {
      expect(await taxiiJson(await t.taxii(`/api/collections/all/objects/${multi}/?match[version]=2020-01-01T00:00:00Z`))).toEqual({ more: false })
    })

    it('lists versions oldest first, paged', async () => {
      const v = await taxiiJson<{ more: boolean; versions: string[] }>(await t.taxii(`/api/collections/all/objects/${multi}/versions/`))
      expect(v).toEqual({ more: false, versions: [T1, T2, T3] })
      const p1 = await taxiiJson<{ more: boolean; next: string; versions: string[] }>(await t.taxii(`/api/collections/all/objects/${multi}/versions/?limit=2`))
      expect(p1.versions).toEqual([T1, T2])
      expect(p1.more).toBe(true)
      const p2 = await taxiiJson<{ more: boolean; versions: string[] }>(
        await t.taxii(`/api/collections/all/objects/${multi}/versions/?limit=2&next=${encodeURIComponent(p1.next)}`),
      )
      expect(p2).toEqual({ more: false, versions: [T3] })
      expect(
        (await taxiiJson<{ versions: string[] }>(await t.taxii(`/api/collections/all/objects/${revoked}/versions/`))).versions,
      ).toHaveLength(2)
      expect((await t.taxii('/api/collections/all/objects/malware--00000000-0000-4000-8000-000000000000/versions/')).status).toBe(404)
    })
  })
})

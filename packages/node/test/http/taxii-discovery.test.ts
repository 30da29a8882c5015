import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_ID, INDICATORS_ID, startTestNode, TAXII_TYPE, taxiiJson, type TestNode } from './harness.js'

/** TAXII 2.1 §4.1 discovery, §4.2 API root, §5.1/5.2 collections; auth; Accept negotiation. */
describe('TAXII discovery, API root and collections over HTTP', () => {
  let t: TestNode
  beforeAll(async () => {
    t = await startTestNode()
  })
  afterAll(async () => {
    await t.close()
  })

  it('serves discovery at /taxii2/ naming the one API root', async () => {
    const res = await t.taxii('/')
    expect(res.status).toBe(200)
    const body = await taxiiJson(res)
    expect(body.title).toContain('CERT Testland')
    expect(body.api_roots).toEqual([`${t.url}/taxii2/api/`])
    expect(body.default).toBe(`${t.url}/taxii2/api/`)
  })

  it('takes the scheme and host a reverse proxy forwards', async () => {
    const body = await taxiiJson(await t.taxii('/', { headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'cti.example.org' } }))
    expect(body.api_roots).toEqual(['https://cti.example.org/taxii2/api/'])
  })

  it('serves the API root with the TAXII version and max_content_length', async () => {
    const body = await taxiiJson(await t.taxii('/api/'))
    expect(body.versions).toEqual(['application/taxii+json;version=2.1'])
    expect(body.max_content_length).toBe(t.node.config.http.maxBodyBytes)
  })

  it('answers the spec paths and the same paths without the trailing slash', async () => {
    for (const p of ['', '/', '/api', '/api/', '/api/collections', '/api/collections/', `/api/collections/${ALL_ID}`, '/api/collections/all/objects']) {
      expect((await t.taxii(p)).status, p).toBe(200)
    }
  })

  it('lists both collections with stable ids, aliases and rights', async () => {
    const body = await taxiiJson<{ collections: Record<string, unknown>[] }>(await t.taxii('/api/collections/'))
    expect(body.collections.map((c) => [c.id, c.alias, c.can_read, c.can_write])).toEqual([
      [ALL_ID, 'all', true, true],
      [INDICATORS_ID, 'indicators', true, true],
    ])
    expect(body.collections[0]!.media_types).toEqual(['application/stix+json;version=2.1'])
  })

  it('serves one collection by id or alias, and 404 for an unknown one', async () => {
    expect((await taxiiJson(await t.taxii(`/api/collections/${INDICATORS_ID}/`))).alias).toBe('indicators')
    expect((await taxiiJson(await t.taxii('/api/collections/indicators/'))).id).toBe(INDICATORS_ID)
    const res = await t.taxii('/api/collections/00000000-0000-4000-8000-000000000000/')
    expect(res.status).toBe(404)
    expect((await taxiiJson(res)).http_status).toBe('404')
  })

  it('answers unknown TAXII paths with a TAXII 404 error resource', async () => {
    const res = await t.taxii('/api/nothing-here/')
    expect(res.status).toBe(404)
    const body = await taxiiJson(res)
    expect(body.title).toBe('Not found')
    expect(body.description).toContain('/taxii2/api/nothing-here/')
  })

  describe('authentication', () => {
    it('401 with Basic and Bearer challenges when no token is sent', async () => {
      const res = await t.taxii('/', { token: null })
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toMatch(/Basic realm="certmesh TAXII".*Bearer realm="certmesh TAXII"/)
      expect((await taxiiJson(res)).http_status).toBe('401')
    })

    it('401 for a wrong or revoked token', async () => {
      expect((await t.taxii('/', { token: 'cm_AAAAAAAAAAA_' + 'A'.repeat(43) })).status).toBe(401)
      const secret = t.token('soon-revoked', { read: 'all' })
      expect((await t.taxii('/', { token: secret })).status).toBe(200)
      t.node.store.tokens.revoke('soon-revoked', Date.now())
      const res = await t.taxii('/', { token: secret })
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toContain('Basic')
    })

    it('accepts the token as the Basic password with any user name', async () => {
      const basic = Buffer.from(`sentinel:${t.adminToken}`).toString('base64')
      expect((await t.taxii('/api/collections/', { token: null, headers: { authorization: `Basic ${basic}` } })).status).toBe(200)
      const wrong = Buffer.from('sentinel:nope').toString('base64')
      expect((await t.taxii('/', { token: null, headers: { authorization: `Basic ${wrong}` } })).status).toBe(401)
    })
  })

  describe('Accept negotiation (§1.6.8.1)', () => {
    const ok = [
      'application/taxii+json;version=2.1',
      'application/taxii+json',
      'application/taxii+json; version="2.1"',
      'APPLICATION/TAXII+JSON;VERSION=2.1',
      'text/html, application/taxii+json;version=2.1;q=0.9',
      '*/*',
      'application/*',
    ]
    const refused = ['application/json', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.0', 'application/taxii+json;q=0', 'text/html']

    it.each(ok)('accepts %s', async (accept) => {
      const res = await t.taxii('/api/collections/', { headers: { accept } })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(TAXII_TYPE)
    })

    it.each(refused)('refuses %s with 406', async (accept) => {
      const res = await t.taxii('/api/collections/', { headers: { accept } })
      expect(res.status).toBe(406)
      expect((await taxiiJson(res)).description).toContain('application/taxii+json;version=2.1')
    })

    it('treats a missing Accept header as any type', async () => {
      const res = await fetch(`${t.url}/taxii2/`, { headers: { authorization: `Bearer ${t.adminToken}` } })
      expect(res.status).toBe(200)
    })
  })
})

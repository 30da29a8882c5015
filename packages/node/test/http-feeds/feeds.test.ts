import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newVersion, putIndicator, sleep, startFeedNode, type FeedTestNode } from './harness.js'

describe('GET /api/v1/feeds (real HTTP, real SQLite)', () => {
  let t: FeedTestNode
  let ids: Record<string, Record<string, unknown>>

  beforeAll(async () => {
    t = await startFeedNode()
    const { store } = t.node
    const signer = t.node.signer
    const now = Date.now()
    ids = {
      a: putIndicator(store, signer, { type: 'ipv4-addr', value: '198.51.100.7', tlp: 'green', confidence: 90 }),
      b: putIndicator(store, signer, { type: 'ipv4-addr', value: '203.0.113.0/24', tlp: 'amber', confidence: 40 }),
      dup: putIndicator(store, signer, { type: 'ipv4-addr', value: '198.51.100.7', tlp: 'red', confidence: 10 }),
      expired: putIndicator(store, signer, { type: 'ipv4-addr', value: '192.0.2.99', validFrom: now - 7_200_000, validUntil: now - 3_600_000 }),
      future: putIndicator(store, signer, { type: 'ipv4-addr', value: '192.0.2.98', validFrom: now + 3_600_000, validUntil: now + 7_200_000 }),
      flagged: putIndicator(store, signer, { type: 'ipv4-addr', value: '10.0.0.1', flags: ['warninglist:RFC 1918'] }),
      revoked: putIndicator(store, signer, { type: 'ipv4-addr', value: '192.0.2.50' }),
      domain: putIndicator(store, signer, { type: 'domain-name', value: 'Evil.Example.COM' }),
      url: putIndicator(store, signer, { type: 'url', value: 'http://evil.example.com/a,b"c' }),
      sha256: putIndicator(store, signer, { type: 'file', property: 'hashes.SHA-256', value: 'A'.repeat(64) }),
      md5: putIndicator(store, signer, { type: 'file', property: 'hashes.MD5', value: 'b'.repeat(32) }),
      v6: putIndicator(store, signer, { type: 'ipv6-addr', value: '2001:DB8::1' }),
      email: putIndicator(store, signer, { type: 'email-addr', value: 'Phish@Example.org' }),
    }
    newVersion(store, signer, ids.revoked!, { revoked: true }, now + 1)
  })
  afterAll(async () => {
    await t.close()
  })

  it('lists only active values, normalised, deduplicated, in store order', async () => {
    const res = await t.get('/api/v1/feeds/ipv4.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe('198.51.100.7\n203.0.113.0/24\n')
  })

  it('serves every observable feed with the normalised value', async () => {
    const body = async (p: string) => (await t.get(p)).text()
    expect(await body('/api/v1/feeds/domain.txt')).toBe('evil.example.com\n')
    expect(await body('/api/v1/feeds/sha256.txt')).toBe('a'.repeat(64) + '\n')
    expect(await body('/api/v1/feeds/md5.txt')).toBe('b'.repeat(32) + '\n')
    expect(await body('/api/v1/feeds/sha1.txt')).toBe('')
    expect(await body('/api/v1/feeds/ipv6.txt')).toBe('2001:db8::1\n')
    expect(await body('/api/v1/feeds/email.txt')).toMatch(/^phish@example\.org\n$/i)
    expect(await body('/api/v1/feeds/url.txt')).toContain('http://evil.example.com/')
  })

  it('filters by min_confidence and tlp_max', async () => {
    expect(await (await t.get('/api/v1/feeds/ipv4.txt?min_confidence=50')).text()).toBe('198.51.100.7\n')
    expect(await (await t.get('/api/v1/feeds/ipv4.txt?tlp_max=green')).text()).toBe('198.51.100.7\n')
    // '+' in a query string is a space: amber+strict written raw still means AMBER+STRICT.
    expect(await (await t.get('/api/v1/feeds/ipv4.txt?tlp_max=amber+strict')).text()).toBe('198.51.100.7\n203.0.113.0/24\n')
    expect(await (await t.get('/api/v1/feeds/ipv4.txt?tlp_max=clear')).text()).toBe('')
  })

  it('keeps a value that another, stricter indicator also carries out of a lower tlp_max only through that indicator', async () => {
    // 198.51.100.7 is GREEN (a) and RED (dup): tlp_max=green still lists it through a.
    const csv = await (await t.get('/api/v1/feeds/ipv4.csv?tlp_max=green')).text()
    expect(csv).toContain(`add,198.51.100.7,ipv4,${String(ids.a!.id)},90,green,`)
  })

  it('CSV has a header, RFC 4180 quoting and CRLF rows', async () => {
    const res = await t.get('/api/v1/feeds/url.csv')
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present')
    const text = await res.text()
    const [header, row, end] = text.split('\r\n')
    expect(header).toBe('action,value,type,indicator_id,confidence,tlp,valid_until,created_by_ref')
    expect(row).toMatch(/^add,"http:\/\/evil\.example\.com\/a,b(""|%22)c",url,indicator--/)
    expect(end).toBe('')
  })

  it('answers precise 400s for bad parameters and 404 for unknown feeds', async () => {
    const err = async (p: string) => {
      const res = await t.get(p)
      return { status: res.status, body: (await res.json()) as { error: { code: string; message: string } } }
    }
    let r = await err('/api/v1/feeds/ipv4.txt?min_confidence=101')
    expect(r.status).toBe(400)
    expect(r.body.error.message).toMatch(/^min_confidence: must be a whole number from 0 to 100, got '101'/)
    r = await err('/api/v1/feeds/ipv4.txt?tlp_max=purple')
    expect(r.body.error.message).toMatch(/^tlp_max: must be one of clear, green, amber, amber\+strict, red/)
    r = await err('/api/v1/feeds/ipv4.txt?since=yesterday')
    expect(r.body.error.message).toMatch(/^since: must be an RFC 3339 date-time/)
    r = await err('/api/v1/feeds/ipv4.txt?since=2024-02-30T00:00:00Z')
    expect(r.body.error.message).toMatch(/^since: is not a valid calendar date/)
    r = await err('/api/v1/feeds/ipv4.txt?min_confidance=5')
    expect(r.body.error.message).toMatch(/unknown query parameter 'min_confidance'/)
    r = await err('/api/v1/feeds/ipv4.txt?min_confidence=1&min_confidence=2')
    expect(r.status).toBe(400)
    r = await err('/api/v1/feeds/ipv5.txt')
    expect(r.status).toBe(404)
    expect(r.body.error.message).toMatch(/no feed 'ipv5.txt'; feeds are ipv4.txt/)
    r = await err('/api/v1/feeds/ipv4.json')
    expect(r.status).toBe(404)
  })

  it('needs read rights on the indicators collection', async () => {
    expect((await t.get('/api/v1/feeds/ipv4.txt', null)).status).toBe(401)
    expect((await t.get('/api/v1/feeds/ipv4.txt', null)).headers.get('www-authenticate')).toMatch(/^Bearer/)
    const none = t.token('no-read', { read: ['reports'] })
    expect((await t.get('/api/v1/feeds/ipv4.txt', none)).status).toBe(403)
    const reader = t.token('fw', { read: ['indicators'] })
    expect((await t.get('/api/v1/feeds/ipv4.txt', reader)).status).toBe(200)
    const byId = t.token('fw-by-id', { read: ['276b9eab-d77f-4daa-98b5-3fd004f057ac'] })
    expect((await t.get('/api/v1/feeds/ipv4.txt', byId)).status).toBe(200)
    const all = t.token('siem', { read: 'all' })
    expect((await t.get('/api/v1/feeds/ipv4.txt', all)).status).toBe(200)
    // Basic auth with the token as password, as Sentinel and firewalls send it.
    const basic = Buffer.from(`anyone:${reader}`).toString('base64')
    expect((await t.get('/api/v1/feeds/ipv4.txt', null, { headers: { authorization: `Basic ${basic}` } })).status).toBe(200)
  })

  it('since: additions and removals, then nothing, then the next change', async () => {
    const { store, signer } = t.node
    const first = await t.get('/api/v1/feeds/ipv4.txt')
    await first.text()
    const since = first.headers.get('x-certmesh-next-since')
    expect(since).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
    await sleep(5)
    expect(await (await t.get(`/api/v1/feeds/ipv4.txt?since=${since}`)).text()).toBe('')

    const added = putIndicator(store, signer, { type: 'ipv4-addr', value: '198.51.100.200', tlp: 'green', confidence: 70 })
    newVersion(store, signer, ids.b!, { revoked: true })
    // a is revoked too, but 198.51.100.7 stays listed through dup: no removal for it.
    newVersion(store, signer, ids.a!, { revoked: true })
    const res = await t.get(`/api/v1/feeds/ipv4.txt?since=${since}`)
    expect((await res.text()).split('\n').sort()).toEqual(['', '+198.51.100.200', '-203.0.113.0/24'])
    const csv = await (await t.get(`/api/v1/feeds/ipv4.csv?since=${since}`)).text()
    expect(csv).toContain(`add,198.51.100.200,ipv4,${String(added.id)},70,green,`)
    expect(csv).toContain(`remove,203.0.113.0/24,ipv4,${String(ids.b!.id)},,,,\r\n`)

    // The next poll starts where this one ended.
    const next = res.headers.get('x-certmesh-next-since')!
    await sleep(5)
    expect(await (await t.get(`/api/v1/feeds/ipv4.txt?since=${encodeURIComponent(next)}`)).text()).toBe('')
    // A removal under a filter: the value leaves the min_confidence=50 list when dup is all that carries it.
    const filtered = await (await t.get(`/api/v1/feeds/ipv4.txt?since=${since}&min_confidence=50`)).text()
    expect(filtered.split('\n').sort()).toEqual(['', '+198.51.100.200', '-198.51.100.7', '-203.0.113.0/24'])
  })

  it('since with an RFC 3339 offset and a time before everything gives the whole list as additions', async () => {
    const text = await (await t.get('/api/v1/feeds/domain.txt?since=2000-01-01T02:00:00%2B02:00')).text()
    expect(text).toBe('+evil.example.com\n')
  })

  it('since reports an indicator that expired without a new version as a removal', async () => {
    const { store, signer } = t.node
    putIndicator(store, signer, { type: 'email-addr', value: 'short@example.net', validUntil: Date.now() + 300 })
    const first = await t.get('/api/v1/feeds/email.txt')
    expect(await first.text()).toContain('short@example.net')
    const since = first.headers.get('x-certmesh-next-since')!
    await sleep(400)
    expect(await (await t.get(`/api/v1/feeds/email.txt?since=${since}`)).text()).toBe('-short@example.net\n')
    expect(await (await t.get('/api/v1/feeds/email.txt')).text()).not.toContain('short@example.net')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INDICATORS_ID, startTestNode, taxiiJson, type TestNode } from './harness.js'

/**
 * The node's injected clock reaches every time-dependent HTTP answer. The node runs in
 * mid-2020; its indicator is valid until 2021, which the machine's clock has long passed:
 * an answer that read Date.now() instead would leave the indicator out as expired.
 */
const NODE_NOW = Date.parse('2020-06-01T00:00:00Z')
const VALID_UNTIL = '2021-01-01T00:00:00Z'
// Not a documentation range: warninglists would flag it out of the feeds.
const VALUE = '91.215.85.77'

describe('HTTP answers use the node clock, not the machine clock', () => {
  let t: TestNode
  const api = (path: string, init: RequestInit = {}): Promise<Response> =>
    fetch(`${t.url}/api/v1${path}`, {
      ...init,
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-type': 'application/json', ...init.headers },
    })

  beforeAll(async () => {
    t = await startTestNode({ now: () => NODE_NOW })
    const res = await api('/indicators', { method: 'POST', body: JSON.stringify({ type: 'ip', value: VALUE, valid_until: VALID_UNTIL }) })
    expect(res.status).toBe(201)
  })
  afterAll(async () => {
    await t.close()
  })

  it('the fixture sits between the two clocks', () => {
    expect(Date.parse(VALID_UNTIL)).toBeGreaterThan(NODE_NOW)
    expect(Date.parse(VALID_UNTIL)).toBeLessThan(Date.now())
  })

  it('feeds list the indicator and date the next `since` by the node clock', async () => {
    const res = await api('/feeds/ipv4.txt')
    expect(res.status).toBe(200)
    expect((await res.text()).split('\n')).toContain(VALUE)
    expect(res.headers.get('x-certmesh-next-since')).toBe('2020-06-01T00:00:00.000000Z')
  })

  it('the TAXII indicators collection serves it', async () => {
    const res = await t.taxii(`/api/collections/${INDICATORS_ID}/objects/?match[type]=indicator`)
    const body = await taxiiJson<{ objects?: { pattern?: string }[] }>(res)
    expect(body.objects?.some((o) => o.pattern?.includes(VALUE))).toBe(true)
  })

  it('exports keep it', async () => {
    const res = await api('/export?format=txt')
    expect(res.status).toBe(200)
    expect(await res.text()).toContain(VALUE)
  })

  it('sightings refuse a last_seen after the node clock, though the machine has passed it', async () => {
    const res = await api('/sightings', { method: 'POST', body: JSON.stringify({ value: VALUE, last_seen: '2020-07-01T00:00:00Z' }) })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('last_seen: 2020-07-01T00:00:00Z is in the future')
  })
})

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startNode, type RunningNode } from './harness.js'

let n: RunningNode
beforeAll(async () => {
  n = await startNode('Token-CERT')
})
afterAll(async () => {
  await n.stop()
})

describe('certmesh token', () => {
  it('creates a read-only token that can read but not write, lists it, and revokes it', async () => {
    const created = await n.cli(['token', 'create', 'sentinel', '--read', 'indicators', '--json'])
    expect(created.code).toBe(0)
    const { token } = JSON.parse(created.io.out())
    expect(token).toMatch(/^cm_/)

    const auth = { authorization: `Bearer ${token}` }
    expect((await fetch(`${n.url}/api/v1/feeds/ipv4.txt`, { headers: auth })).status).toBe(200)
    const write = await fetch(`${n.url}/api/v1/indicators`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ type: 'ip', value: '203.0.113.9' }) })
    expect(write.status).toBe(403)
    const basic = `Basic ${Buffer.from(`any-user:${token}`).toString('base64')}`
    expect((await fetch(`${n.url}/api/v1/feeds/ipv4.txt`, { headers: { authorization: basic } })).status).toBe(200)

    const list = await n.cli(['token', 'list'])
    expect(list.io.out()).toMatch(/sentinel\s+no\s+indicators\s+-/)
    expect(list.io.out()).not.toContain(token)

    expect((await n.cli(['token', 'revoke', 'sentinel'])).code).toBe(0)
    const after = await fetch(`${n.url}/api/v1/feeds/ipv4.txt`, { headers: auth })
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toMatch(/Bearer/)
  })

  it('refuses unknown collections, duplicate names and non-admin callers precisely', async () => {
    const bad = await n.cli(['token', 'create', 'x', '--read', 'secrets'])
    expect(bad.io.err()).toMatch(/unknown collection 'secrets'/)
    await n.cli(['token', 'create', 'dup'])
    const dup = await n.cli(['token', 'create', 'dup'])
    expect(dup.io.err()).toMatch(/exists already/)
    const reader = JSON.parse((await n.cli(['token', 'create', 'reader', '--json'])).io.out()).token
    const res = await fetch(`${n.url}/api/v1/tokens`, { headers: { authorization: `Bearer ${reader}` } })
    expect(res.status).toBe(403)
  })
})

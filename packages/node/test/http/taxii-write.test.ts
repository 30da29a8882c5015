import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeSigner } from '../../src/sign/signer.js'
import { KEY_B, version } from '../../src/store/test-support.js'
import { startTestNode, TAXII_TYPE, taxiiJson, type TestNode } from './harness.js'

/** TAXII 2.1 §5.5 add objects, §4.3 status, §5.7 delete (= revoke), body limits, over HTTP. */
type Status = {
  id: string
  status: string
  total_count: number
  success_count: number
  successes: { id: string; version?: string; message?: string }[]
  failure_count: number
  failures: { id: string; version?: string; message?: string }[]
  pending_count: number
}

const peer = new NodeSigner(randomBytes(32))
const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'

function indicator(value: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const now = new Date().toISOString()
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: now,
    modified: now,
    name: `IPv4 ${value}`,
    indicator_types: ['malicious-activity'],
    pattern: `[ipv4-addr:value = '${value}']`,
    pattern_type: 'stix',
    valid_from: now,
    object_marking_refs: [TLP_GREEN],
    ...extra,
  }
}

const signedByPeer = (value: string) => peer.sign(indicator(value, { created_by_ref: peer.identityId }))

describe('TAXII POST objects and status', () => {
  let t: TestNode
  const post = (body: unknown, init: { token?: string; contentType?: string } = {}) =>
    t.taxii('/api/collections/all/objects/', {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': init.contentType ?? TAXII_TYPE },
      ...(init.token !== undefined && { token: init.token }),
    })

  beforeAll(async () => {
    t = await startTestNode()
  })
  afterAll(async () => {
    await t.close()
  })

  it('stores a peer-signed object byte-identical and answers 202 with a complete status', async () => {
    const obj = signedByPeer('45.133.1.20')
    const res = await post({ objects: [obj] })
    expect(res.status).toBe(202)
    const status = await taxiiJson<Status>(res)
    expect(status).toMatchObject({ status: 'complete', total_count: 1, success_count: 1, failure_count: 0, pending_count: 0 })
    expect(status.successes[0]).toMatchObject({ id: obj.id, version: obj.modified })
    const got = await (await t.taxii(`/api/collections/all/objects/${String(obj.id)}/`)).text()
    expect(got).toContain(t.node.store.get(String(obj.id))!.json)
    expect(JSON.parse(t.node.store.get(String(obj.id))!.json)).toEqual(obj)
  })

  it('re-posting an identical object is a success, not an error', async () => {
    const obj = signedByPeer('45.133.1.21')
    await post({ objects: [obj] })
    const again = await taxiiJson<Status>(await post({ objects: [obj] }))
    expect(again).toMatchObject({ success_count: 1, failure_count: 0 })
    expect(again.successes[0]!.message).toContain('already held')
  })

  it('reports each failure with its reason and keeps the good objects (one bad object rejects only itself)', async () => {
    const good = signedByPeer('45.133.1.22')
    const forged: Record<string, unknown> = { ...signedByPeer('45.133.1.23'), name: 'altered after signing' }
    const invalid = { type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}` }
    const status = await taxiiJson<Status>(await post({ objects: [good, forged, invalid, 'not an object'] }))
    expect(status).toMatchObject({ total_count: 4, success_count: 1, failure_count: 3 })
    expect(status.successes.map((s) => s.id)).toEqual([good.id])
    expect(status.failures.map((f) => f.id)).toEqual([forged.id, invalid.id, 'objects[3]'])
    expect(status.failures[0]!.message).toMatch(/^signature-/)
    expect(status.failures[1]!.message).toMatch(/^invalid-stix/)
    expect(t.node.store.get(String(forged.id))).toBeUndefined()
  })

  it('adopts an unsigned object: re-published signed by this node, under a derived id', async () => {
    const obj = indicator('45.133.1.24')
    const status = await taxiiJson<Status>(await post({ objects: [obj] }))
    expect(status.success_count).toBe(1)
    const adoptedId = /adopted as (indicator--[0-9a-f-]+)/.exec(status.successes[0]!.message!)?.[1]
    expect(adoptedId).toBeDefined()
    expect(t.node.store.get(adoptedId!)!.signer).toBe(t.node.signer.publicKeyB64)
  })

  it('keeps the status for the token that posted, and hides it from others', async () => {
    const writer = t.token('writer', { read: 'all', write: ['all'] })
    const res = await post({ objects: [signedByPeer('45.133.1.25')] }, { token: writer })
    const status = await taxiiJson<Status>(res)
    const again = await t.taxii(`/api/status/${status.id}/`, { token: writer })
    expect(again.status).toBe(200)
    expect(await taxiiJson(again)).toEqual(status)
    expect((await t.taxii(`/api/status/${status.id}/`)).status).toBe(404)
    expect((await t.taxii(`/api/status/${randomUUID()}/`, { token: writer })).status).toBe(404)
  })

  it.each([
    ['application/json', 415],
    ['application/stix+json;version=2.1', 415],
    ['application/taxii+json;version=2.0', 415],
    ['application/taxii+json', 202],
    ['application/taxii+json; version=2.1; charset=utf-8', 202],
  ])('Content-Type %s → %i', async (contentType, expected) => {
    const res = await post({ objects: [signedByPeer('45.133.1.26')] }, { contentType })
    expect(res.status).toBe(expected)
    expect(res.headers.get('content-type')).toBe(TAXII_TYPE)
  })

  it('415 when the Content-Type is missing', async () => {
    const res = await t.taxii('/api/collections/all/objects/', { method: 'POST', body: new Blob(['{}']) })
    expect(res.status).toBe(415)
  })

  it.each([
    ['not json', 'not JSON'],
    ['[]', 'envelope'],
    ['{"objects": {}}', 'objects'],
    ['{"objects": []}', 'empty'],
    ['', 'empty'],
  ])('400 for the body %j', async (body, words) => {
    const res = await post(body)
    expect(res.status).toBe(400)
    expect((await taxiiJson(res)).description).toContain(words)
  })
})

describe('max_content_length on the streamed body', () => {
  let t: TestNode
  const LIMIT = 4096
  beforeAll(async () => {
    t = await startTestNode({ maxBodyBytes: LIMIT })
  })
  afterAll(async () => {
    await t.close()
  })

  it('advertises the limit and takes a body under it', async () => {
    expect((await taxiiJson(await t.taxii('/api/'))).max_content_length).toBe(LIMIT)
    const res = await t.taxii('/api/collections/all/objects/', { method: 'POST', headers: { 'content-type': TAXII_TYPE }, body: JSON.stringify({ objects: [signedByPeer('45.133.1.30')] }) })
    expect(res.status).toBe(202)
  })

  it('413 as a TAXII error when Content-Length is over the limit', async () => {
    const body = JSON.stringify({ objects: [{ pad: 'x'.repeat(LIMIT) }] })
    const res = await t.taxii('/api/collections/all/objects/', { method: 'POST', headers: { 'content-type': TAXII_TYPE }, body })
    expect(res.status).toBe(413)
    expect((await taxiiJson(res)).http_status).toBe('413')
  })

  it('413 for a chunked body (no Content-Length) that grows past the limit', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(1000))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 10) return controller.close()
        sent++
        controller.enqueue(chunk)
      },
    })
    const res = await t.taxii('/api/collections/all/objects/', {
      method: 'POST',
      headers: { 'content-type': TAXII_TYPE },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect((await taxiiJson(res)).description).toContain(`${LIMIT} bytes`)
  })
})

describe('TAXII DELETE object = revoke', () => {
  let t: TestNode
  let ours: string
  let foreign: string
  beforeAll(async () => {
    t = await startTestNode()
    ours = t.node.ingestor.addIndicator({ type: 'ipv4-addr', value: '91.215.85.40' }).items[0]!.id!
    const f = version({ type: 'indicator', signer: KEY_B })
    t.node.store.putBatch([f])
    foreign = f.id
  })
  afterAll(async () => {
    await t.close()
  })

  it('403 for a token that is not admin, even with write access', async () => {
    const writer = t.token('writer', { read: 'all', write: 'all' })
    const res = await t.taxii(`/api/collections/all/objects/${ours}/`, { method: 'DELETE', token: writer })
    expect(res.status).toBe(403)
    expect(t.node.store.get(ours)!.revoked).toBe(false)
  })

  it('400 for a match[version] other than last or all', async () => {
    expect((await t.taxii(`/api/collections/all/objects/${ours}/?match[version]=first`, { method: 'DELETE' })).status).toBe(400)
  })

  it('revokes an object this node created: a signed revoked version is served afterwards', async () => {
    const res = await t.taxii(`/api/collections/all/objects/${ours}/`, { method: 'DELETE' })
    expect(res.status).toBe(200)
    const env = await taxiiJson<{ objects: { revoked?: boolean; id: string }[] }>(await t.taxii(`/api/collections/indicators/objects/${ours}/`))
    expect(env.objects).toHaveLength(1)
    expect(env.objects[0]!.revoked).toBe(true)
    const versions = await taxiiJson<{ versions: string[] }>(await t.taxii(`/api/collections/all/objects/${ours}/versions/`))
    expect(versions.versions).toHaveLength(2)
  })

  it('deleting again succeeds and changes nothing', async () => {
    const before = t.node.store.lastSeq()
    expect((await t.taxii(`/api/collections/all/objects/${ours}/`, { method: 'DELETE' })).status).toBe(200)
    expect(t.node.store.lastSeq()).toBe(before)
  })

  it('403 for an object another organisation created, and for built-in objects', async () => {
    expect((await t.taxii(`/api/collections/all/objects/${foreign}/`, { method: 'DELETE' })).status).toBe(403)
    expect(t.node.store.get(foreign)!.revoked).toBe(false)
    expect((await t.taxii(`/api/collections/all/objects/${TLP_GREEN}/`, { method: 'DELETE' })).status).toBe(403)
  })

  it('404 for an unknown object', async () => {
    expect((await t.taxii('/api/collections/all/objects/indicator--00000000-0000-4000-8000-000000000000/', { method: 'DELETE' })).status).toBe(404)
  })
})

import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeSigner } from '../../src/sign/signer.js'
import { ALL_ID, INDICATORS_ID, startTestNode, TAXII_TYPE, taxiiJson, type TestNode } from './harness.js'

/**
 * The token × collection × method matrix. A token with no right on a collection gets 404
 * (TAXII 2.1 §5: it learns nothing); a token that sees the collection but lacks the right
 * for this method gets 403.
 */
const TLP_GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'
const peer = new NodeSigner(randomBytes(32))

function signedIndicator(): Record<string, unknown> {
  const now = new Date().toISOString()
  return peer.sign({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: now,
    modified: now,
    created_by_ref: peer.identityId,
    indicator_types: ['malicious-activity'],
    pattern: "[domain-name:value = 'c2.bad.example']",
    pattern_type: 'stix',
    valid_from: now,
  })
}

type Op = 'collection' | 'objects' | 'manifest' | 'object' | 'versions' | 'post'
const OPS: Op[] = ['collection', 'objects', 'manifest', 'object', 'versions', 'post']

// Expected status per token, per collection alias, per operation.
type Row = Record<'all' | 'indicators', Record<Op, number>>
const READ = { collection: 200, objects: 200, manifest: 200, object: 200, versions: 200, post: 403 }
const WRITE_ONLY = { collection: 200, objects: 403, manifest: 403, object: 403, versions: 403, post: 202 }
const BOTH = { collection: 200, objects: 200, manifest: 200, object: 200, versions: 200, post: 202 }
const NONE = { collection: 404, objects: 404, manifest: 404, object: 404, versions: 404, post: 404 }

const MATRIX: Record<string, { rights: Parameters<TestNode['token']>[1]; expect: Row; listed: [string, boolean, boolean][] }> = {
  admin: { rights: { admin: true, read: 'all', write: 'all' }, expect: { all: BOTH, indicators: BOTH }, listed: [['all', true, true], ['indicators', true, true]] },
  'read-all': { rights: { read: 'all' }, expect: { all: READ, indicators: READ }, listed: [['all', true, false], ['indicators', true, false]] },
  'read-indicators-alias': { rights: { read: ['indicators'] }, expect: { all: NONE, indicators: READ }, listed: [['indicators', true, false]] },
  'read-indicators-id': { rights: { read: [INDICATORS_ID] }, expect: { all: NONE, indicators: READ }, listed: [['indicators', true, false]] },
  'write-all-only': { rights: { write: ['all'] }, expect: { all: WRITE_ONLY, indicators: NONE }, listed: [['all', false, true]] },
  'read-all-write-indicators': { rights: { read: [ALL_ID], write: ['indicators'] }, expect: { all: READ, indicators: { ...BOTH, objects: 403, manifest: 403, object: 403, versions: 403 } }, listed: [['all', true, false], ['indicators', false, true]] },
  nothing: { rights: {}, expect: { all: NONE, indicators: NONE }, listed: [] },
}

describe('TAXII token × collection × method matrix', () => {
  let t: TestNode
  const secrets = new Map<string, string>()
  beforeAll(async () => {
    t = await startTestNode()
    for (const [name, m] of Object.entries(MATRIX)) secrets.set(name, name === 'admin' ? t.adminToken : t.token(name, m.rights))
  })
  afterAll(async () => {
    await t.close()
  })

  function request(op: Op, coll: string, token: string): Promise<Response> {
    const base = `/api/collections/${coll}/`
    switch (op) {
      case 'collection':
        return t.taxii(base, { token })
      case 'objects':
        return t.taxii(`${base}objects/`, { token })
      case 'manifest':
        return t.taxii(`${base}manifest/`, { token })
      case 'object':
        return t.taxii(`${base}objects/${TLP_GREEN}/`, { token })
      case 'versions':
        return t.taxii(`${base}objects/${TLP_GREEN}/versions/`, { token })
      case 'post':
        return t.taxii(`${base}objects/`, { token, method: 'POST', headers: { 'content-type': TAXII_TYPE }, body: JSON.stringify({ objects: [signedIndicator()] }) })
    }
  }

  const cases = Object.entries(MATRIX).flatMap(([name, m]) =>
    (['all', 'indicators'] as const).flatMap((coll) => OPS.map((op) => [name, coll, op, m.expect[coll][op]] as const)),
  )

  it.each(cases)('%s on %s: %s → %i', async (name, coll, op, status) => {
    const res = await request(op, coll, secrets.get(name)!)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe(TAXII_TYPE)
  })

  it.each(Object.entries(MATRIX))('%s sees only its collections, with its rights', async (name, m) => {
    const body = await taxiiJson<{ collections?: { alias: string; can_read: boolean; can_write: boolean }[] }>(
      await t.taxii('/api/collections/', { token: secrets.get(name)! }),
    )
    expect((body.collections ?? []).map((c) => [c.alias, c.can_read, c.can_write])).toEqual(m.listed)
  })

  it('every token reaches discovery and the API root', async () => {
    for (const secret of secrets.values()) {
      expect((await t.taxii('/', { token: secret })).status).toBe(200)
      expect((await t.taxii('/api/', { token: secret })).status).toBe(200)
    }
  })
})

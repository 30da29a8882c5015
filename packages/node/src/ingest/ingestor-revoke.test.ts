import { canonicalize, verifyObject } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { ForbiddenError, NotFoundError } from '../errors.js'
import { prepareVersion } from './prepare.js'
import { REVOCATION_REASON_PROPERTY } from './revoke.js'
import { harness, removeTempDirs, T0, testSigner, type Harness } from './test-support.js'

let h: Harness
afterEach(() => {
  h?.store.close()
  removeTempDirs()
})

describe('revoke', () => {
  it('publishes a signed revoked version 1 ms later when revoking in the same millisecond', async () => {
    h = await harness()
    const id = h.ingestor.addIndicator({ type: 'ip', value: '203.0.113.7' }).items[0]!.id!
    const r = h.ingestor.revoke(id, 'false positive: our own scanner')
    expect(r.summary).toMatchObject({ updated: 1 })
    expect(r.items[0]).toMatchObject({ status: 'updated', id, type: 'indicator' })
    const current = h.store.get(id)!
    expect(current.revoked).toBe(true)
    expect(current.modified).toBe(new Date(T0 + 1).toISOString())
    const obj = JSON.parse(current.json)
    expect(obj.revoked).toBe(true)
    expect(obj[REVOCATION_REASON_PROPERTY]).toBe('false positive: our own scanner')
    expect(verifyObject(obj, nodeEd25519).ok).toBe(true)
    expect(h.store.versions(id)).toHaveLength(2)
  })

  it('uses now when it is later than the current version', async () => {
    h = await harness()
    const id = h.ingestor.addIndicator({ type: 'domain', value: 'gone.example' }).items[0]!.id!
    h.clock.now = T0 + 5000
    h.ingestor.revoke(id)
    expect(h.store.get(id)!.modified).toBe(new Date(T0 + 5000).toISOString())
    expect(JSON.parse(h.store.get(id)!.json)[REVOCATION_REASON_PROPERTY]).toBeUndefined()
  })

  it('a second revoke is unchanged', async () => {
    h = await harness()
    const id = h.ingestor.addIndicator({ type: 'domain', value: 'gone.example' }).items[0]!.id!
    h.ingestor.revoke(id)
    const again = h.ingestor.revoke(id)
    expect(again.summary).toMatchObject({ unchanged: 1, updated: 0 })
    expect(h.store.versions(id)).toHaveLength(2)
  })

  it('unknown id → NotFoundError; another node\'s object → ForbiddenError', async () => {
    h = await harness()
    expect(() => h.ingestor.revoke('indicator--33fe3b22-0201-47cf-85d0-97c02164528d')).toThrow(NotFoundError)
    const other = testSigner('peer')
    const obj = other.sign({
      type: 'indicator', spec_version: '2.1', id: 'indicator--53fe3b22-0201-47cf-85d0-97c02164528d', created_by_ref: other.identityId,
      created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z', pattern: "[ipv4-addr:value = '203.0.113.8']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00.000Z',
    })
    h.store.put(prepareVersion(obj, canonicalize(obj), { origin: 'peer', signer: other.publicKeyB64 }))
    expect(() => h.ingestor.revoke(obj.id)).toThrow(ForbiddenError)
    expect(h.store.get(obj.id)!.revoked).toBe(false)
  })
})

import { resolveTypedValue, verifyObject } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { BadRequestError } from '../errors.js'
import { DAY_MS } from './constants.js'
import { harness, removeTempDirs, T0, type Harness } from './test-support.js'

let h: Harness
afterEach(() => {
  h?.store.close()
  removeTempDirs()
})

const SHA256 = 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c'

describe('addIndicator: every observable type', () => {
  const cases: [string, string, string, string][] = [
    ['ip', '203.0.113.9', "[ipv4-addr:value = '203.0.113.9']", '203.0.113.9'],
    ['ipv4-addr', '192.0.2.77/24', "[ipv4-addr:value = '192.0.2.0/24']", '192.0.2.0/24'],
    ['ip', '2001:DB8:0:0:1:0:0:1', "[ipv6-addr:value = '2001:db8::1:0:0:1']", '2001:db8::1:0:0:1'],
    ['domain', 'Evil.EXAMPLE.', "[domain-name:value = 'evil.example']", 'evil.example'],
    ['url', 'HTTP://Evil.example:80/a/./b', "[url:value = 'http://evil.example/a/b']", 'http://evil.example/a/b'],
    ['email', 'Alice@Evil.Example', "[email-addr:value = 'alice@evil.example']", 'alice@evil.example'],
    ['sha256', SHA256.toUpperCase(), `[file:hashes.'SHA-256' = '${SHA256}']`, SHA256],
    ['md5', '9CA5' + 'a'.repeat(28), `[file:hashes.MD5 = '9ca5${'a'.repeat(28)}']`, '9ca5' + 'a'.repeat(28)],
    ['sha1', 'b'.repeat(40), `[file:hashes.'SHA-1' = '${'b'.repeat(40)}']`, 'b'.repeat(40)],
    ['sha512', 'c'.repeat(128), `[file:hashes.'SHA-512' = '${'c'.repeat(128)}']`, 'c'.repeat(128)],
    ['regkey', 'hklm\\SOFTWARE\\Evil', "[windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\\\software\\\\evil']", 'HKEY_LOCAL_MACHINE\\software\\evil'],
  ]
  it.each(cases)('%s %s', async (type, value, pattern, normalised) => {
    h = await harness()
    const r = h.ingestor.addIndicator({ type, value })
    expect(r.format).toBe('api')
    expect(r.summary).toMatchObject({ created: 1, rejected: 0 })
    const item = r.items[0]!
    expect(item).toMatchObject({ status: 'created', type: 'indicator', value: normalised })
    const stored = h.store.get(item.id!)!
    expect(stored.signer).toBe(h.signer.publicKeyB64)
    expect(stored.origin).toBe('local')
    const obj = JSON.parse(stored.json)
    expect(obj.pattern).toBe(pattern)
    expect(obj.created_by_ref).toBe(h.signer.identityId)
    expect(obj.created).toBe(new Date(T0).toISOString())
    expect(obj.modified).toBe(obj.created)
    expect(obj.indicator_types).toEqual(['malicious-activity'])
    expect(obj.object_marking_refs).toEqual(['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'])
    expect(obj.confidence).toBe(50)
    expect(obj.id).toMatch(/^indicator--[0-9a-f-]{8}-[0-9a-f]{4}-4/)
    expect(verifyObject(obj, nodeEd25519)).toMatchObject({ ok: true, publicKeyB64: h.signer.publicKeyB64 })
    expect(h.store.lookupObservable(resolveTypedValue(type, value).key).map((m) => m.object.id)).toEqual([item.id])
  })

  it('applies tlp, confidence, valid_until, labels, description and the validity defaults', async () => {
    h = await harness()
    const r = h.ingestor.addIndicator({ type: 'ip', value: '203.0.113.10', tlp: 'TLP:Green', confidence: 90, valid_until: '2030-01-31T00:00:00Z', labels: ['c2'], description: 'seen in case 7' })
    const obj = JSON.parse(h.store.get(r.items[0]!.id!)!.json)
    expect(obj).toMatchObject({ confidence: 90, valid_until: '2030-01-31T00:00:00.000Z', labels: ['c2'], description: 'seen in case 7', name: 'IPv4 203.0.113.10' })
    expect(obj.object_marking_refs).toEqual(['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb'])
    const d = JSON.parse(h.store.get(h.ingestor.addIndicator({ type: 'domain', value: 'evil.example' }).items[0]!.id!)!.json)
    expect(Date.parse(d.valid_until) - T0).toBe(90 * DAY_MS)
    expect(d.valid_from).toBe(new Date(T0).toISOString())
  })
})

describe('addIndicator: precise errors', () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ type: 'ip', value: '10.0.0.256' }, /^value: '10\.0\.0\.256' is not a valid IP address: .*255/],
    [{ type: 'bitcoin', value: 'x' }, /^type: 'bitcoin' is not a known observable type/],
    [{ type: 'sha256', value: 'abc' }, /^value: 'abc' is not a valid SHA-256 hash/],
    [{ value: '1.2.3.4' }, /^type: is required/],
    [{ type: 'ip', value: 7 }, /^value: must be a string, got number/],
    [{ type: 'ip', value: '203.0.113.1', tlp: 'purple' }, /^tlp: invalid TLP level "purple"/],
    [{ type: 'ip', value: '203.0.113.1', confidence: 120 }, /^confidence: must be a whole number from 0 to 100, got 120$/],
    [{ type: 'ip', value: '203.0.113.1', confidence: 1.5 }, /^confidence: /],
    [{ type: 'ip', value: '203.0.113.1', valid_until: 'tomorrow' }, /^valid_until: must be a STIX timestamp/],
    [{ type: 'ip', value: '203.0.113.1', valid_until: '2020-01-01T00:00:00Z' }, /^valid_until: 2020-01-01T00:00:00Z is not in the future/],
    [{ type: 'ip', value: '203.0.113.1', labels: 'x' }, /^labels: must be a list of strings/],
    [{ type: 'ip', value: '203.0.113.1', colour: 'x' }, /^colour: unknown field/],
  ]
  it.each(bad)('%j', async (input, message) => {
    h = await harness()
    const before = h.store.count().versions
    let caught: unknown
    try {
      h.ingestor.addIndicator(input as never)
    } catch (e) {
      caught = e
    }
    expect(caught).toBeInstanceOf(BadRequestError)
    expect((caught as Error).message).toMatch(message)
    expect(h.store.count().versions).toBe(before)
  })
})

describe('addIndicator: dedup and warninglists', () => {
  it('adding the same value twice (any spelling) answers unchanged with the first id', async () => {
    h = await harness()
    const first = h.ingestor.addIndicator({ type: 'sha256', value: SHA256 })
    const again = h.ingestor.addIndicator({ type: 'hash', value: ` ${SHA256.toUpperCase()} ` })
    expect(again.summary).toMatchObject({ created: 0, unchanged: 1 })
    expect(again.items[0]).toMatchObject({ status: 'unchanged', id: first.items[0]!.id })
    expect(h.store.count().objects).toBe(1)
  })

  it('an expired indicator is not reused, a revoked one neither', async () => {
    h = await harness()
    const first = h.ingestor.addIndicator({ type: 'ip', value: '203.0.113.5' })
    h.clock.now = T0 + 31 * DAY_MS
    const later = h.ingestor.addIndicator({ type: 'ip', value: '203.0.113.5' })
    expect(later.items[0]).toMatchObject({ status: 'created' })
    expect(later.items[0]!.id).not.toBe(first.items[0]!.id)
    h.ingestor.revoke(later.items[0]!.id!)
    expect(h.ingestor.addIndicator({ type: 'ip', value: '203.0.113.5' }).items[0]!.status).toBe('created')
  })

  it('10.1.2.3 is flagged by the default warninglists, and still stored', async () => {
    h = await harness()
    const r = h.ingestor.addIndicator({ type: 'ip', value: '10.1.2.3' })
    expect(r.summary).toMatchObject({ created: 1, flagged: 1 })
    expect(r.items[0]!.flags).toEqual(expect.arrayContaining([expect.stringMatching(/^warninglist:.*1918/)]))
    expect(h.store.get(r.items[0]!.id!)!.flags).toEqual(r.items[0]!.flags)
    const clean = h.ingestor.addIndicator({ type: 'domain', value: 'surely-malicious.example.org' })
    expect(clean.summary.flagged).toBe(0)
    expect(clean.items[0]!.flags).toBeUndefined()
  })
})

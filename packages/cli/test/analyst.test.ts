import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-dir.js'
import { startNode, type RunningNode } from './harness.js'

let n: RunningNode
const dir = tempDir('certmesh-cli-files-')
const file = (name: string, text: string) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

beforeAll(async () => {
  n = await startNode('Kommunal-CERT Nord')
})
afterAll(async () => {
  await n.stop()
})

describe('analyst CLI against a running node', () => {
  it('add creates a signed indicator once, and says so the second time', async () => {
    const a = await n.cli(['add', 'ip', '203.0.113.200', '--tlp', 'green', '--confidence', '80', '--label', 'c2'])
    expect(a.code).toBe(0)
    expect(a.io.out()).toMatch(/^created indicator--[0-9a-f-]{36} for 203\.0\.113\.200/)
    const b = await n.cli(['add', 'ipv4-addr', '203.0.113.200'])
    expect(b.io.out()).toMatch(/already present/)
  })

  it('add explains a bad value, an unknown type and a bad TLP', async () => {
    const bad = await n.cli(['add', 'ip', '999.1.1.1'])
    expect(bad.code).not.toBe(0)
    expect(bad.io.err()).toMatch(/999\.1\.1\.1/)
    const type = await n.cli(['add', 'colour', 'blue'])
    expect(type.io.err()).toMatch(/colour/)
    const tlp = await n.cli(['add', 'domain', 'evil.example', '--tlp', 'orange'])
    expect(tlp.io.err()).toMatch(/orange/)
  })

  it('lookup finds by value, CIDR-free exact match and parent domain, and exits 1 on no match', async () => {
    await n.cli(['add', 'domain', 'Phish.Example'])
    const hit = await n.cli(['lookup', 'login.phish.example', '--json'])
    expect(hit.code).toBe(0)
    const r = JSON.parse(hit.io.out()).results[0]
    expect(r.matches[0]).toMatchObject({ match: 'parent-domain', creator: { name: 'Kommunal-CERT Nord', verified: true, local: true } })
    const miss = await n.cli(['lookup', 'clean.example.org'])
    expect(miss.code).toBe(1)
    expect(miss.io.out()).toMatch(/no active indicator/)
  })

  it('imports a text list: good lines stored, bad lines reported with line numbers; re-import changes nothing', async () => {
    const p = file('list.txt', '# C2 list\n198.18.0.1\nevil-update.example\nnot a value at all\n' + 'a'.repeat(64) + '\n')
    const first = await n.cli(['import', p, '--json'])
    const report = JSON.parse(first.io.out())[0].report
    expect(report.summary.created).toBe(3)
    expect(report.summary.rejected).toBe(1)
    expect(report.items.find((i: { status: string }) => i.status === 'rejected').source.line).toBe(4)
    expect(first.code).toBe(1)
    const again = await n.cli(['import', p])
    expect(again.io.out()).toMatch(/0 created, 0 updated, 3 unchanged/)
  })

  it('import of broken JSON imports nothing and gives line and column', async () => {
    const before = n.node.store.count().versions
    const p = file('broken.json', '{"type": "bundle",\n "objects": [,]}')
    const r = await n.cli(['import', p])
    expect(r.code).toBe(1)
    expect(r.io.out()).toMatch(/line 2, column/)
    expect(n.node.store.count().versions).toBe(before)
  })

  it('show lists versions, revoke makes a final signed version, and lookup stops matching', async () => {
    const added = await n.cli(['add', 'url', 'http://Bad.Example/x/../login', '--json'])
    const id = JSON.parse(added.io.out()).items[0].id as string
    const rev = await n.cli(['revoke', id])
    expect(rev.io.out()).toBe(`revoked ${id}\n`)
    const again = await n.cli(['revoke', id])
    expect(again.io.out()).toMatch(/already revoked/)
    const shown = await n.cli(['show', id, '--json'])
    const versions = JSON.parse(shown.io.out()).versions
    expect(versions).toHaveLength(2)
    expect(versions[1]).toMatchObject({ revoked: true, verified: true })
    const look = await n.cli(['lookup', 'http://bad.example/login'])
    expect(look.code).toBe(1)
  })

  it('export writes a STIX bundle with the identity and markings, and a txt list', async () => {
    const out = join(dir, 'export.json')
    const r = await n.cli(['export', '--out', out])
    expect(r.code).toBe(0)
    const bundle = JSON.parse(readFileSync(out, 'utf8'))
    const types = new Set(bundle.objects.map((o: { type: string }) => o.type))
    expect(types.has('indicator')).toBe(true)
    expect(types.has('identity')).toBe(true)
    expect(types.has('marking-definition')).toBe(true)
    const txt = await n.cli(['export', '--format', 'txt'])
    expect(txt.io.out()).toContain('phish.example')
  })

  it('says clearly when no node is running there', async () => {
    const { main } = await import('../src/run.js')
    const { memoryIo } = await import('../src/testing/memory-io.js')
    const { createServer } = await import('node:net')
    const probe = createServer().listen(0, '127.0.0.1')
    await new Promise((r) => probe.once('listening', r))
    const port = (probe.address() as { port: number }).port
    await new Promise((r) => probe.close(r))
    const io = memoryIo()
    expect(await main(['lookup', '1.2.3.4', '--url', `http://127.0.0.1:${port}`, '--token', 'x'], io)).toBe(2)
    expect(io.err()).toContain(`no certmesh node is running at http://127.0.0.1:${port}`)
  })

  it('id answers from the running node', async () => {
    const r = await n.cli(['id', '--json'])
    const info = JSON.parse(r.io.out())
    expect(info).toMatchObject({ name: 'Kommunal-CERT Nord', running: true })
    expect(info.peer_id).toMatch(/^12D3KooW/)
    // The earlier tests stored objects; `objects` counts every stored version.
    expect(info.objects).toBeGreaterThan(0)
    expect(info.objects).toBe(n.node.store.count().versions)
  })
})

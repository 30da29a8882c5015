import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CertmeshNode, initDataDir } from '@certmesh/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeTempDir, tempDir } from '../../../../test/temp-dir.js'
import { main } from '../run.js'
import { memoryIo } from '../testing/memory-io.js'

/** Two real nodes (HTTP and libp2p on loopback, ports 0); the CLI talks to A over HTTP. */
describe('certmesh peer / sync status', () => {
  const root = tempDir('certmesh-peer-cli-')
  let a: CertmeshNode
  let b: CertmeshNode
  let token: string
  const cli = async (...args: string[]) => {
    const io = memoryIo()
    const code = await main([...args, '--url', a.httpUrl, '--token', token], io)
    return { code, out: io.out(), err: io.err() }
  }

  beforeAll(async () => {
    for (const n of ['a', 'b']) initDataDir({ dataDir: join(root, n), name: `CERT ${n}`, http: '127.0.0.1:0', p2p: '/ip4/127.0.0.1/tcp/0' })
    a = await CertmeshNode.open(join(root, 'a'))
    b = await CertmeshNode.open(join(root, 'b'))
    await a.start()
    await b.start()
    token = readFileSync(join(root, 'a', 'admin.token'), 'utf8').trim()
  })
  afterAll(async () => {
    await a.stop()
    await b.stop()
    removeTempDir(root)
  })

  it('adds a peer, lists it connected with counters, shows sync status, removes it', async () => {
    const bId = b.sync.peerId
    const added = await cli('peer', 'add', bId, b.sync.addresses()[0]!, '--name', 'CERT b', '--amber')
    expect(added).toMatchObject({ code: 0, out: `Added peer ${bId} (CERT b), may receive TLP:AMBER.\n` })
    b.sync.addPeer({ peerId: a.sync.peerId, multiaddrs: a.sync.addresses() })

    const deadline = Date.now() + 10_000
    let peers: { peer_id: string; connected: boolean; last_sync: string | null; received: number }[] = []
    while (Date.now() < deadline) {
      peers = JSON.parse((await cli('peer', 'list', '--json')).out)
      if (peers[0]?.connected && peers[0].last_sync !== null && peers[0].received > 0) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(peers).toHaveLength(1)
    expect(peers[0]).toMatchObject({ peer_id: bId, connected: true, amber: true, name: 'CERT b' })
    expect(peers[0]!.received).toBeGreaterThan(0) // at least b's identity

    const human = await cli('peer', 'list')
    expect(human.out).toContain(`${bId}  (CERT b)`)
    expect(human.out).toContain('connected   yes   may receive TLP:AMBER')

    type Status = { peer_id: string; peers: { cursor: number; lag: number }[] }
    let status = JSON.parse((await cli('sync', 'status', '--json')).out) as Status
    // B's log grew when it stored A's identity; A pulls that too (and holds it), then lag is 0.
    while (status.peers[0]!.lag !== 0 && Date.now() < deadline + 5000) {
      await new Promise((r) => setTimeout(r, 50))
      status = JSON.parse((await cli('sync', 'status', '--json')).out) as Status
    }
    expect(status.peer_id).toBe(a.sync.peerId)
    expect(status.peers[0]!.cursor).toBeGreaterThan(0)
    expect(status.peers[0]!.lag).toBe(0)
    // The human form; the lag itself was asserted above (B's log may grow again meanwhile).
    expect((await cli('sync', 'status')).out).toMatch(/cursor \d+ {3}peer head \d+ {3}lag \d+/)

    expect(await cli('peer', 'remove', bId)).toMatchObject({ code: 0, out: `Removed peer ${bId}; its connections are closed.\n` })
    expect(JSON.parse((await cli('peer', 'list', '--json')).out)).toEqual([])
  })

  it('reports mistakes without a stack trace', async () => {
    const r = await cli('peer', 'add', 'not-a-peer', '/ip4/127.0.0.1/tcp/1')
    expect(r.code).not.toBe(0)
    expect(r.err).toContain("'not-a-peer' is not a peer id")
    expect(r.err).not.toContain('    at ')
    expect((await cli('peer', 'remove', b.sync.peerId)).err).toContain('no trusted peer')
    expect((await cli('peer', 'frobnicate')).err).toContain("unknown subcommand 'frobnicate'")
  })

  it('prints a network key in the swarm-key format', async () => {
    expect((await cli('peer', 'network-key')).out).toMatch(/^\/key\/swarm\/psk\/1\.0\.0\/\n\/base16\/\n[0-9a-f]{64}\n$/)
  })
})

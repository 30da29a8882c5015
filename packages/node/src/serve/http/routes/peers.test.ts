import { randomBytes } from 'node:crypto'
import { Hono } from 'hono'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { peerIdFromPublicKey } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { ADMIN_RIGHTS, createToken } from '../../../auth/tokens.js'
import { NodeSigner } from '../../../sign/signer.js'
import { openStore } from '../../../store/open.js'
import { removeTempDirs, silentLogger, tempDbPath } from '../../../store/test-support.js'
import type { Store } from '../../../store/writer.js'
import { SyncService } from '../../../sync/service.js'
import { requireToken } from '../auth.js'
import type { HttpEnv } from '../context.js'
import { errorResponse } from '../errors.js'
import { peerRoutes } from './peers.js'

let store: Store
let app: Hono<HttpEnv>
let admin: string
let reader: string

const otherPeer = (): string => peerIdFromPublicKey(nodeEd25519.getPublicKey(new Uint8Array(randomBytes(32))))

beforeEach(() => {
  store = openStore(tempDbPath())
  const seed = new Uint8Array(randomBytes(32))
  const sync = new SyncService({
    store,
    seed,
    publicKey: new NodeSigner(seed).publicKeyB64,
    config: { listen: [], maxConnections: 8, pullIntervalMs: 60_000, acceptUnknownCreators: true, defaultTlp: 'amber' },
    logger: silentLogger,
  })
  app = new Hono<HttpEnv>()
  app.onError((err, c) => errorResponse(c, err, silentLogger))
  app.use('/api/*', requireToken(store.tokens))
  app.route('/api/v1', peerRoutes({ sync }))
  admin = createToken(store.tokens, 'admin', ADMIN_RIGHTS).token
  reader = createToken(store.tokens, 'siem', { admin: false, read: 'all', write: [] }).token
})

afterEach(() => {
  store.close()
  removeTempDirs()
})

const req = (path: string, token: string, init: RequestInit = {}) =>
  app.request(path, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers } })

describe('peer admin routes', () => {
  it('adds, lists, updates and removes a peer', async () => {
    const id = otherPeer()
    const add = await req('/api/v1/peers', admin, { method: 'POST', body: JSON.stringify({ peer_id: id, multiaddrs: ['/ip4/192.0.2.1/tcp/4001'], name: 'CERT Nord', amber: true }) })
    expect(add.status).toBe(201)
    const added = (await add.json()) as { status: string; peer: { multiaddrs: string[]; amber: boolean; connected: boolean } }
    expect(added.status).toBe('added')
    expect(added.peer.multiaddrs).toEqual([`/ip4/192.0.2.1/tcp/4001/p2p/${id}`])
    expect(added.peer.amber).toBe(true)
    expect(added.peer.connected).toBe(false)

    const again = await req('/api/v1/peers', admin, { method: 'POST', body: JSON.stringify({ peer_id: id, multiaddr: '/ip4/192.0.2.2/tcp/4001' }) })
    expect(again.status).toBe(200)
    expect(((await again.json()) as { peer: { amber: boolean } }).peer.amber).toBe(false)

    const list = (await (await req('/api/v1/peers', admin)).json()) as { peers: { peer_id: string; multiaddrs: string[] }[] }
    expect(list.peers.map((p) => p.peer_id)).toEqual([id])
    expect(list.peers[0]!.multiaddrs[0]).toContain('192.0.2.2')

    const status = (await (await req('/api/v1/sync/status', admin)).json()) as { head: number; peers: { cursor: number; lag: number | null }[] }
    expect(status.peers[0]).toMatchObject({ cursor: 0, lag: null })

    expect((await req(`/api/v1/peers/${id}`, admin, { method: 'DELETE' })).status).toBe(200)
    expect((await req(`/api/v1/peers/${id}`, admin, { method: 'DELETE' })).status).toBe(404)
    expect(store.peers.list()).toEqual([])
  })

  it('refuses bad peer ids and multiaddrs with 400 and a precise message', async () => {
    const bad = async (body: unknown) => {
      const r = await req('/api/v1/peers', admin, { method: 'POST', body: JSON.stringify(body) })
      expect(r.status).toBe(400)
      return ((await r.json()) as { error: { message: string } }).error.message
    }
    expect(await bad({ peer_id: 'nope', multiaddrs: ['/ip4/192.0.2.1/tcp/4001'] })).toMatch(/is not the peer id of an Ed25519 key/)
    expect(await bad({ peer_id: otherPeer(), multiaddrs: ['not-an-address'] })).toMatch(/not a multiaddr/)
    expect(await bad({ peer_id: otherPeer(), multiaddrs: [] })).toMatch(/multiaddrs/)
    const id = otherPeer()
    expect(await bad({ peer_id: id, multiaddrs: [`/ip4/192.0.2.1/tcp/4001/p2p/${otherPeer()}`] })).toMatch(/names peer/)
    expect(await bad({ peer_id: id, multiaddrs: ['/ip4/192.0.2.1/udp/4001'] })).toMatch(/no \/tcp\//)
    expect(store.peers.list()).toEqual([])
  })

  it('needs an admin token', async () => {
    expect((await req('/api/v1/peers', reader)).status).toBe(403)
    expect((await req('/api/v1/sync/status', reader)).status).toBe(403)
    expect((await app.request('/api/v1/peers')).status).toBe(401)
  })
})

import { Hono } from 'hono'
import { BadRequestError, NotFoundError } from '../../../errors.js'
import { PeerInputError } from '../../../sync/errors.js'
import type { PeerStatus, SyncService } from '../../../sync/service.js'
import { requireAdmin } from '../auth.js'
import { jsonBody } from '../body.js'
import type { HttpEnv } from '../context.js'

/** A peer as the admin API shows it (docs/http-api.md, Admin). */
export function peerJson(p: PeerStatus): Record<string, unknown> {
  return {
    peer_id: p.peerId,
    name: p.name,
    multiaddrs: p.multiaddrs,
    amber: p.amber,
    added_at: new Date(p.addedAt).toISOString(),
    connected: p.connected,
    pulling: p.pulling,
    cursor: p.cursor,
    remote_head: p.remoteHead,
    lag: p.lag,
    received: p.received,
    sent: p.sent,
    rejected: p.rejected,
    last_sync: p.lastSync === null ? null : new Date(p.lastSync).toISOString(),
    last_error: p.lastError,
    last_error_at: p.lastErrorAt === null ? null : new Date(p.lastErrorAt).toISOString(),
  }
}

function stringList(v: unknown, name: string): string[] {
  if (typeof v === 'string') return [v]
  if (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')) return v as string[]
  throw new BadRequestError(`${name}: must be a multiaddr or a non-empty list of multiaddrs`)
}

/**
 * Trusted peers and sync status, admin only. Every path is guarded by requireAdmin here, so
 * mounting this sub-app under /api/v1 does not put admin checks on the other routes there.
 */
export function peerRoutes(node: { sync: SyncService }): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()
  const admin = requireAdmin()

  app.get('/peers', admin, (c) => c.json({ peers: node.sync.peers().map(peerJson) }))

  app.post('/peers', admin, async (c) => {
    const body = await jsonBody(c)
    if (typeof body.peer_id !== 'string') throw new BadRequestError('peer_id: must be a peer id (12D3KooW…)')
    if (body.name !== undefined && body.name !== null && typeof body.name !== 'string') throw new BadRequestError('name: must be a string')
    if (body.amber !== undefined && typeof body.amber !== 'boolean') throw new BadRequestError('amber: must be true or false')
    try {
      const { status } = node.sync.addPeer({
        peerId: body.peer_id,
        multiaddrs: stringList(body.multiaddrs ?? body.multiaddr, 'multiaddrs'),
        name: (body.name as string | null | undefined) ?? null,
        amber: body.amber === true,
      })
      const shown = node.sync.peers().find((p) => p.peerId === body.peer_id)!
      return c.json({ status, peer: peerJson(shown) }, status === 'added' ? 201 : 200)
    } catch (err) {
      if (err instanceof PeerInputError) throw new BadRequestError(err.message)
      throw err
    }
  })

  app.delete('/peers/:peerId', admin, async (c) => {
    const peerId = c.req.param('peerId')
    if (!(await node.sync.removePeer(peerId))) throw new NotFoundError(`no trusted peer ${peerId.slice(0, 100)}`)
    return c.json({ removed: peerId })
  })

  app.get('/sync/status', admin, (c) => {
    const s = node.sync.status()
    return c.json({ peer_id: s.peerId, addresses: s.addresses, head: s.head, peers: s.peers.map(peerJson) })
  })

  return app
}

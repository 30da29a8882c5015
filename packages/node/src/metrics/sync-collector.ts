import type { SyncStatus } from '../sync/service.js'
import type { MetricsRegistry } from './registry.js'

/**
 * Sync metrics read from the sync service at scrape time (issue 4: "sync counters once
 * sync exists"): per trusted peer, objects received, sent and rejected by reason (the
 * persisted counters of `certmesh peer list`), whether it is connected, its cursor and
 * lag; and this node's log head. Registers once per registry.
 */
export function registerSyncMetrics(reg: MetricsRegistry, sync: { status(): SyncStatus }): void {
  if (reg.get('certmesh_sync_log_head') !== undefined) return
  const head = reg.gauge({ name: 'certmesh_sync_log_head', help: 'Highest sequence number of this node\'s sync log.' })
  const peers = reg.gauge({ name: 'certmesh_sync_peers', help: 'Trusted peers, by whether they are connected.', labelNames: ['state'] })
  const received = reg.counter({ name: 'certmesh_sync_objects_received_total', help: 'Objects stored from a peer.', labelNames: ['peer'] })
  const sent = reg.counter({ name: 'certmesh_sync_objects_sent_total', help: 'Objects served to a peer.', labelNames: ['peer'] })
  const rejected = reg.counter({
    name: 'certmesh_sync_objects_rejected_total',
    help: 'Objects from a peer refused, by reason (docs/protocol.md §9.6).',
    labelNames: ['peer', 'reason'],
  })
  const cursor = reg.gauge({ name: 'certmesh_sync_cursor', help: 'Position in the peer\'s log up to which this node has stored everything.', labelNames: ['peer'] })
  const lag = reg.gauge({ name: 'certmesh_sync_lag', help: 'Objects in the peer\'s log not pulled yet (-1 before first contact).', labelNames: ['peer'] })
  const connected = reg.gauge({ name: 'certmesh_sync_peer_connected', help: '1 when the peer is connected.', labelNames: ['peer'] })
  reg.onCollect(() => {
    let s: SyncStatus
    try {
      s = sync.status()
    } catch {
      return // the service is stopping; the next scrape reads it again
    }
    head.set(undefined, s.head)
    const up = s.peers.filter((p) => p.connected).length
    peers.set({ state: 'connected' }, up)
    peers.set({ state: 'disconnected' }, s.peers.length - up)
    for (const p of s.peers) {
      const peer = { peer: p.peerId }
      received.setTotal(peer, p.received)
      sent.setTotal(peer, p.sent)
      for (const [reason, n] of Object.entries(p.rejected)) rejected.setTotal({ peer: p.peerId, reason }, n)
      cursor.set(peer, p.cursor)
      lag.set(peer, p.lag ?? -1)
      connected.set(peer, p.connected ? 1 : 0)
    }
  })
}

import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../sync/service.js'
import { MetricsRegistry } from './registry.js'
import { registerSyncMetrics } from './sync-collector.js'

const peer = (over: Partial<SyncStatus['peers'][number]>): SyncStatus['peers'][number] => ({
  peerId: '12D3KooWPeerA',
  publicKey: 'k',
  multiaddrs: [],
  name: 'CERT A',
  amber: false,
  addedAt: 0,
  received: 0,
  sent: 0,
  rejected: {},
  lastSync: null,
  lastError: null,
  lastErrorAt: null,
  connected: true,
  cursor: 0,
  remoteHead: null,
  lag: null,
  pulling: false,
  ...over,
})

describe('registerSyncMetrics', () => {
  it('renders per-peer totals, cursor, lag and connection state read at scrape time', () => {
    let status: SyncStatus = { peerId: 'self', addresses: [], head: 7, peers: [peer({ received: 5, sent: 2, rejected: { 'bad-signature': 1 }, cursor: 5, remoteHead: 9, lag: 4 })] }
    const reg = new MetricsRegistry()
    registerSyncMetrics(reg, { status: () => status })
    registerSyncMetrics(reg, { status: () => status }) // once per registry
    let text = reg.render()
    expect(text).toContain('certmesh_sync_log_head 7')
    expect(text).toContain('certmesh_sync_objects_received_total{peer="12D3KooWPeerA"} 5')
    expect(text).toContain('certmesh_sync_objects_rejected_total{peer="12D3KooWPeerA",reason="bad-signature"} 1')
    expect(text).toContain('certmesh_sync_lag{peer="12D3KooWPeerA"} 4')
    expect(text).toContain('certmesh_sync_peers{state="connected"} 1')
    status = { ...status, head: 8, peers: [peer({ received: 6, connected: false, lag: null })] }
    text = reg.render()
    expect(text).toContain('certmesh_sync_objects_received_total{peer="12D3KooWPeerA"} 6')
    expect(text).toContain('certmesh_sync_lag{peer="12D3KooWPeerA"} -1')
    expect(text).toContain('certmesh_sync_peer_connected{peer="12D3KooWPeerA"} 0')
  })
})

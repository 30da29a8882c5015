import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { nodeRegistry } from '../../src/metrics/index.js'
import { putIndicator, startFeedNode, type FeedTestNode } from './harness.js'

/** The value of one sample line, e.g. sample(text, 'certmesh_store_objects'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(series + ' '))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('GET /metrics (real HTTP)', () => {
  let t: FeedTestNode

  beforeAll(async () => {
    t = await startFeedNode()
    putIndicator(t.node.store, t.node.signer, { type: 'ipv4-addr', value: '198.51.100.7' })
    putIndicator(t.node.store, t.node.signer, { type: 'ipv4-addr', value: '10.0.0.1', flags: ['warninglist:x'] })
  })
  afterAll(async () => {
    await t.close()
  })

  it('needs a token that may read metrics; /healthz stays open', async () => {
    expect((await t.get('/healthz', null)).status).toBe(200)
    const res = await t.get('/metrics', null)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
    expect((await t.get('/metrics', t.token('fw', { read: ['indicators'] }))).status).toBe(403)
    expect((await t.get('/metrics', t.token('prometheus', { read: ['metrics'] }))).status).toBe(200)
    expect((await t.get('/metrics', t.adminToken)).status).toBe(200)
  })

  it('exposes store counts, active indicators, requests by route pattern and latencies', async () => {
    await t.get('/api/v1/feeds/ipv4.txt')
    await t.get('/api/v1/feeds/domain.csv')
    await t.get('/api/v1/feeds/nope.txt')
    await t.get('/no/such/path')
    const res = await t.get('/metrics')
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8')
    const text = await res.text()
    expect(sample(text, 'certmesh_store_objects')).toBe(3) // identity + 2 indicators
    expect(sample(text, 'certmesh_indicators_active')).toBe(1) // the flagged one is not active
    expect(sample(text, 'certmesh_http_requests_total{method="GET",route="/api/v1/feeds/:file",status="200"}')).toBe(2)
    expect(sample(text, 'certmesh_http_requests_total{method="GET",route="/api/v1/feeds/:file",status="404"}')).toBe(1)
    expect(sample(text, 'certmesh_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1)
    expect(sample(text, 'certmesh_http_requests_total{method="GET",route="/metrics",status="401"}')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'certmesh_http_request_duration_seconds_count{method="GET",route="/api/v1/feeds/:file"}')).toBe(3)
    expect(text).toContain('certmesh_http_request_duration_seconds_bucket{method="GET",route="/api/v1/feeds/:file",le="+Inf"} 3\n')
    // The sync service reports too: no peers yet, and the local log head.
    expect(sample(text, 'certmesh_sync_peers{state="connected"}')).toBe(0)
    expect(sample(text, 'certmesh_sync_log_head')).toBeGreaterThanOrEqual(3)
  })

  it('shows metrics other components register on the node registry', async () => {
    nodeRegistry(t.node).counter({ name: 'certmesh_sync_objects_received_total', help: 'Objects received.', labelNames: ['peer'] }).inc({ peer: 'p1' }, 7)
    const text = await (await t.get('/metrics')).text()
    expect(sample(text, 'certmesh_sync_objects_received_total{peer="p1"}')).toBe(7)
  })
})

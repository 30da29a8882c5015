import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from './open.js'
import { cidrObservable, removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'

afterEach(removeTempDirs)

const NOW = Date.UTC(2024, 5, 1)
const domain = (d: string) => ({ key: `domain-name:${d}`, type: 'domain-name', property: 'domain-name:value', value: d })

describe('activeIndicators', () => {
  it('lists current indicators that are not revoked, expired, not-yet-valid or flagged', () => {
    const s = openStore(tempDbPath(), { now: () => NOW, logger: silentLogger })
    const active = version({ observables: [domain('a.example'), cidrObservable('10.0.0.0/8')], confidence: 80 })
    const lowConfidence = version({ observables: [domain('low.example')], confidence: 10 })
    const noConfidence = version({ observables: [domain('none.example')] })
    const expired = version({ observables: [domain('old.example')], validUntil: NOW - 1 })
    const future = version({ observables: [domain('soon.example')], validFrom: NOW + 1 })
    const flagged = version({ observables: [domain('google.com')], flags: ['warninglist:top-domains'] })
    const revoked = version({ observables: [domain('gone.example')], revoked: true })
    const notIndicator = version({ type: 'malware', id: `malware--${crypto.randomUUID()}`, observables: [domain('m.example')] })
    s.putBatch([active, lowConfidence, noConfidence, expired, future, flagged, revoked, notIndicator])
    const superseded = version({ id: active.id, modified: '2023-01-01T00:00:00Z', observables: [domain('superseded.example')] })
    expect(s.put(superseded).status).toBe('older-version')

    const all = [...s.activeIndicators({ now: NOW })]
    expect(all.map((a) => a.object.id)).toEqual([active.id, lowConfidence.id, noConfidence.id])
    expect(all[0]?.observables.map((o) => o.key)).toEqual(['domain-name:a.example', 'ipv4-addr:10.0.0.0/8'])

    expect([...s.activeIndicators({ now: NOW, minConfidence: 50 })].map((a) => a.object.id)).toEqual([active.id])
    const ips = [...s.activeIndicators({ now: NOW, type: 'ipv4-addr' })]
    expect(ips.map((a) => [a.object.id, a.observables.map((o) => o.value)])).toEqual([[active.id, ['10.0.0.0/8']]])
    // validUntil is exclusive (valid_until = NOW - 1 is expired at NOW - 1, active just before).
    expect([...s.activeIndicators({ now: NOW - 2 })].map((a) => a.object.id)).toContain(expired.id)
    expect([...s.activeIndicators({ now: NOW - 1 })].map((a) => a.object.id)).not.toContain(expired.id)
    s.close()
  })

  it('streams: a consumer can stop early', () => {
    const s = openStore(tempDbPath(), { now: () => NOW, logger: silentLogger })
    s.putBatch(Array.from({ length: 50 }, (_, i) => version({ observables: [domain(`x${i}.example`)] })))
    let n = 0
    for (const _ of s.activeIndicators({ now: NOW })) if (++n === 3) break
    expect(n).toBe(3)
    // The connection is free again after the early exit.
    expect(s.put(version()).status).toBe('created')
    s.close()
  })
})

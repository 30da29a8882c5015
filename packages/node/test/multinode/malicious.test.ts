/**
 * A malicious trusted peer (a raw libp2p node with a scripted pull handler) sends tampered,
 * re-signed, foreign-versioned, equivocating and TLP-violating objects. Each is rejected,
 * counted on that peer, and nothing valid changes; the good object in the same batch is kept.
 */
import { randomBytes } from 'node:crypto'
import type { Libp2p } from '@libp2p/interface'
import { canonicalize } from '@certmesh/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeSigner } from '../../src/sign/signer.js'
import { Allowlist } from '../../src/sync/allowlist.js'
import { FRAME_TIMEOUT_MS, MAX_CONTROL_FRAME_BYTES, MAX_FRAME_BYTES, PULL_PROTOCOL } from '../../src/sync/constants.js'
import { createSyncLibp2p } from '../../src/sync/libp2p.js'
import { FrameStream } from '../../src/sync/wire/frames.js'
import { current, indicator, link, nextVersion, putOwn, removeTempDirs, startNode, stopNode, trust, waitFor, type TestNode } from './harness.js'

/** Starts a libp2p node that answers every pull with `script` (one batch per inner list). */
async function evilNode(seed: Uint8Array, trusts: string, script: () => string[][]): Promise<{ libp2p: Libp2p; addr: string }> {
  const allow = new Allowlist()
  allow.set({ peerId: trusts, publicKey: '', multiaddrs: [], amber: true, name: null })
  const libp2p = await createSyncLibp2p({ seed, listen: ['/ip4/127.0.0.1/tcp/0'], allow, maxConnections: 4 })
  await libp2p.handle(PULL_PROTOCOL, async (stream) => {
    const frames = new FrameStream(stream, MAX_CONTROL_FRAME_BYTES, MAX_FRAME_BYTES)
    const req = await frames.read(['pull'], FRAME_TIMEOUT_MS)
    let through = req.after
    for (const objects of script()) await frames.write({ type: 'batch', through: ++through, objects }, FRAME_TIMEOUT_MS)
    await frames.write({ type: 'end', through, head: through, more: false }, FRAME_TIMEOUT_MS)
    await frames.close()
  })
  await libp2p.start()
  return { libp2p, addr: libp2p.getMultiaddrs()[0]!.toString() }
}

const text = (o: Record<string, unknown>) => canonicalize(o)

describe('a malicious peer', () => {
  let a: TestNode, h: TestNode, c: TestNode
  let evil: { libp2p: Libp2p; addr: string }
  const evilSeed = new Uint8Array(randomBytes(32))
  const m = new NodeSigner(evilSeed)
  let aInd: Record<string, unknown>, aAmber: Record<string, unknown>

  beforeAll(async () => {
    ;[a, h, c] = await Promise.all([startNode('A'), startNode('H'), startNode('C')])
    link(a, h, { amber: true })
    link(h, c)
    aInd = putOwn(a, indicator(a, 'green'))
    aAmber = putOwn(a, indicator(a, 'amber'))
    await waitFor(() => current(h, aInd.id as string) !== undefined && current(h, aAmber.id as string) !== undefined, 'A → H')
  })
  afterAll(async () => {
    await evil?.libp2p.stop()
    await Promise.all([a, h, c].map(stopNode))
    removeTempDirs()
  })

  it('changes nothing valid, and every bad object is rejected and counted with its reason', async () => {
    const aJson = current(h, aInd.id as string)
    const good = m.sign({ ...indicator({ signer: m }, 'green') })
    const equivocal = m.sign<Record<string, unknown>>({ ...indicator({ signer: m }, 'green'), name: 'first body' })
    const { extensions: _x, ...equivocalPlain } = equivocal
    const equivocal2 = m.sign({ ...equivocalPlain, name: 'second body' }) // same id and modified
    const tampered = { ...JSON.parse(aJson!), name: 'tampered in transit' }
    const { extensions: _e, ...aPlain } = JSON.parse(aJson!) as Record<string, unknown>
    const resigned = m.sign(aPlain) // claims A as creator, signed by M
    const foreignVersion = m.sign({ ...nextVersion(aInd, { revoked: true }), created_by_ref: m.identityId })
    const red = m.sign(indicator({ signer: m }, 'red'))
    const unsigned = indicator({ signer: m }, 'green')
    // A's AMBER object that A never sent to H: M may not relay it.
    const amberOfA = a.signer.sign(indicator(a, 'amber'))
    const script = () => [
      [text(tampered), text(resigned), text(good), text(equivocal), '{"not json', text(unsigned)],
      [text(foreignVersion), text(equivocal2), text(red), text(amberOfA), current(h, aAmber.id as string)!],
    ]
    evil = await evilNode(evilSeed, h.sync.peerId, script)
    trust(h, { sync: { peerId: evil.libp2p.peerId.toString() }, addr: evil.addr, name: 'M' } as TestNode)

    const evilId = evil.libp2p.peerId.toString()
    const counts = () => h.sync.peers().find((p) => p.peerId === evilId)?.rejected ?? {}
    await waitFor(() => Object.values(counts()).reduce((s, n) => s + n, 0) >= 8, 'rejections counted on M')
    await h.sync.idle()
    expect(counts()).toEqual({
      'bad-signature': 1,
      'creator-mismatch': 1,
      malformed: 1,
      unsigned: 1,
      'not-creator': 1,
      equivocation: 1,
      'tlp-red': 1,
      'tlp-amber-relayed': 1,
    })
    // A's indicator is untouched, M's good object is stored, the equivocation is proven.
    expect(current(h, aInd.id as string)).toBe(aJson)
    expect(h.store.versions(aInd.id as string)).toHaveLength(1)
    expect(current(h, good.id as string)).toBe(text(good))
    expect(h.store.get(equivocal.id as string)).toBeUndefined()
    expect(h.store.equivocations(equivocal.id as string)).toHaveLength(1)
    expect(h.store.originFlags(evilId).map((f) => f.reason)).toContain('equivocation')
    expect(current(h, red.id as string)).toBeUndefined()
    expect(current(h, amberOfA.id as string)).toBeUndefined()
    // An object held byte for byte is skipped before any check, whoever resends it.
    expect(h.store.versions(aAmber.id as string)).toHaveLength(1)
    expect(h.store.integrityCheck()).toEqual([])
    // Nothing of it is relayed: C gets M's good GREEN object (via H), never the rest.
    await waitFor(() => current(c, good.id as string) !== undefined, "M's good object at C via H")
    expect(current(c, aInd.id as string)).toBe(aJson)
    expect(c.store.versions(aInd.id as string)).toHaveLength(1)
    expect(c.store.get(equivocal.id as string)).toBeUndefined()
  })
})

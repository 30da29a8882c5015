/**
 * Three nodes in a chain and five in a mesh (real libp2p on 127.0.0.1): what may travel
 * reaches every node that may have it, and nothing else does (DESIGN.md invariants 1, 4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CREATOR_UNKNOWN_FLAG } from '../../src/sync/receive.js'
import {
  current,
  indicator,
  link,
  nextVersion,
  putOwn,
  removeTempDirs,
  sighting,
  sleep,
  startNode,
  stopNode,
  waitFor,
  type TestNode,
} from './harness.js'

const everywhere = (nodes: TestNode[], id: string, json: string | undefined) => nodes.every((n) => current(n, id) === json)

describe('a chain A – B – C', () => {
  let a: TestNode, b: TestNode, c: TestNode
  beforeAll(async () => {
    ;[a, b, c] = await Promise.all([startNode('A'), startNode('B'), startNode('C')])
    link(a, b, { amber: true })
    link(b, c, { amber: true })
  })
  afterAll(async () => {
    await Promise.all([a, b, c].map(stopNode))
    removeTempDirs()
  })

  it('an indicator, its revocation and a sighting reach C through B, signed by their creators', async () => {
    const ind = putOwn(a, indicator(a, 'green'))
    const id = ind.id as string
    await waitFor(() => everywhere([b, c], id, current(a, id)), 'indicator at B and C')
    // C verified A's signature, not B's: the stored version names A's key and B as origin.
    expect(c.store.get(id)).toMatchObject({ signer: a.signer.publicKeyB64, origin: b.sync.peerId })

    const seen = putOwn(c, sighting(c, id, 'green'))
    await waitFor(() => everywhere([a, b], seen.id as string, current(c, seen.id as string)), 'sighting at A and B')

    const revoked = putOwn(a, nextVersion(ind, { revoked: true }))
    await waitFor(() => [b, c].every((n) => n.store.get(id)?.revoked === true), 'revocation at B and C')
    expect(current(c, id)).toBe(current(a, id))
    expect(JSON.parse(current(c, id)!)).toMatchObject({ revoked: true, modified: revoked.modified })
  })

  it("A's identity travels too, so C knows the creator of relayed objects", async () => {
    await waitFor(() => c.store.get(a.signer.identityId) !== undefined, "A's identity at C")
    const ind = putOwn(a, indicator(a, 'clear'))
    await waitFor(() => current(c, ind.id as string) !== undefined, 'indicator at C')
    expect(c.store.get(ind.id as string)!.flags).not.toContain(CREATOR_UNKNOWN_FLAG)
  })

  it('AMBER reaches direct peers allowed AMBER only; RED and relayed AMBER reach no one', async () => {
    const amber = putOwn(a, indicator(a, 'amber'))
    const strict = putOwn(a, indicator(a, 'amber+strict'))
    const unmarked = putOwn(a, indicator(a, null)) // A's default TLP is AMBER
    const red = putOwn(a, indicator(a, 'red'))
    const marker = putOwn(a, indicator(a, 'green'))
    await waitFor(() => current(c, marker.id as string) !== undefined, 'a later GREEN object at C')
    await sleep(200)
    for (const o of [amber, strict, unmarked]) {
      expect(current(b, o.id as string)).toBe(current(a, o.id as string))
      expect(current(c, o.id as string)).toBeUndefined()
    }
    expect(current(b, red.id as string)).toBeUndefined()
    expect(current(c, red.id as string)).toBeUndefined()
  })
})

describe('a mesh of five', () => {
  const nodes: TestNode[] = []
  afterAll(async () => {
    await Promise.all(nodes.map(stopNode))
    removeTempDirs()
  })

  it('every node gets what it may have; AMBER only where the creator allowed it', async () => {
    nodes.push(...(await Promise.all(['M1', 'M2', 'M3', 'M4', 'M5'].map((n) => startNode(n)))))
    const [m1, m2, m3, m4, m5] = nodes as [TestNode, TestNode, TestNode, TestNode, TestNode]
    // A ring plus one chord: m1 – m2 – m3 – m4 – m5 – m1, and m1 – m3. m1 allows AMBER to m2 only.
    link(m1, m2, { amber: true })
    link(m2, m3)
    link(m3, m4)
    link(m4, m5)
    link(m5, m1)
    link(m1, m3)
    const green = putOwn(m1, indicator(m1, 'green'))
    const amber = putOwn(m1, indicator(m1, 'amber'))
    const red = putOwn(m1, indicator(m1, 'red'))
    const gid = green.id as string
    await waitFor(() => everywhere(nodes, gid, current(m1, gid)), 'GREEN at all five')
    const seen = putOwn(m4, sighting(m4, gid, 'green'))
    const revocation = putOwn(m1, nextVersion(green, { revoked: true }))
    await waitFor(() => everywhere(nodes, seen.id as string, current(m4, seen.id as string)), 'sighting at all five')
    await waitFor(() => nodes.every((n) => n.store.get(gid)?.modified === revocation.modified), 'revocation at all five')
    await waitFor(() => current(m2, amber.id as string) !== undefined, 'AMBER at m2')
    await sleep(300)
    for (const n of [m3, m4, m5]) expect(current(n, amber.id as string)).toBeUndefined()
    for (const n of [m2, m3, m4, m5]) expect(current(n, red.id as string)).toBeUndefined()
    // Objects already held cost one seek: nothing is stored twice anywhere.
    for (const n of nodes) expect(n.store.versions(gid)).toHaveLength(2)
  })
})

/**
 * Granting a peer AMBER later (`certmesh peer add … --amber` on a known peer): the AMBER
 * objects it was refused before reach it now, through a rewind notify (docs/protocol.md
 * §9.5), and nothing else changes.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { current, indicator, link, putOwn, removeTempDirs, sleep, startNode, stopNode, trust, waitFor, type TestNode } from './harness.js'

describe('granting AMBER to a peer that already synced', () => {
  const nodes: TestNode[] = []
  afterAll(async () => {
    await Promise.all(nodes.map(stopNode))
    removeTempDirs()
  })

  it('sends the AMBER objects it skipped before, and the peer keeps its other objects once', async () => {
    const [a, b] = await Promise.all([startNode('A'), startNode('B')])
    nodes.push(a, b)
    link(a, b)
    const amber = putOwn(a, indicator(a, 'amber'))
    const green = putOwn(a, indicator(a, 'green'))
    await waitFor(() => current(b, green.id as string) !== undefined, 'GREEN at B')
    await sleep(300)
    expect(current(b, amber.id as string)).toBeUndefined()
    const cursorBefore = b.store.getCursor(a.sync.peerId)
    expect(cursorBefore).toBeGreaterThanOrEqual(a.store.lastSeq() - 1)

    trust(a, b, { amber: true })
    await waitFor(() => current(b, amber.id as string) === current(a, amber.id as string), 'AMBER at B after the grant')
    expect(b.store.versions(green.id as string)).toHaveLength(1)
    expect(b.store.getCursor(a.sync.peerId)).toBeGreaterThanOrEqual(cursorBefore)
  })
})

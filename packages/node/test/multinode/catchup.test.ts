/** A node offline for a while, and a freshly added one, catch up through the same pull path. */
import { afterAll, describe, expect, it } from 'vitest'
import { current, indicator, link, nextVersion, putOwn, removeTempDirs, startNode, stopNode, waitFor, type TestNode } from './harness.js'

describe('catch-up', () => {
  const running: TestNode[] = []
  afterAll(async () => {
    await Promise.all(running.map(stopNode))
    removeTempDirs()
  })

  it('an offline node catches up after restart, and a new peer gets the whole history', async () => {
    const a = await startNode('A')
    let b = await startNode('B')
    running.push(a)
    link(a, b)
    const first = putOwn(a, indicator(a, 'green'))
    await waitFor(() => current(b, first.id as string) !== undefined, 'B in sync')
    await stopNode(b)

    const made = Array.from({ length: 300 }, () => putOwn(a, indicator(a, 'green')))
    const revoked = putOwn(a, nextVersion(first, { revoked: true }))
    // B comes back on a new port; it dials A from its stored peer list, A accepts it.
    b = await startNode('B', { dir: b.dir, seed: b.seed })
    running.push(b)
    await waitFor(() => made.every((o) => current(b, o.id as string) !== undefined), 'B caught up')
    expect(b.store.get(first.id as string)?.modified).toBe(revoked.modified)

    const c = await startNode('C')
    running.push(c)
    link(a, c)
    await waitFor(() => made.every((o) => current(c, o.id as string) === current(a, o.id as string)), 'C caught up')
    expect(c.store.get(first.id as string)?.revoked).toBe(true)
    expect(c.store.versions(first.id as string)).toHaveLength(2)
  })
})

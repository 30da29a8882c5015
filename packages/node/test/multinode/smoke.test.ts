import { afterEach, describe, expect, it } from 'vitest'
import { current, indicator, link, putOwn, removeTempDirs, startNode, stopNode, waitFor, type TestNode } from './harness.js'

const nodes: TestNode[] = []
afterEach(async () => {
  await Promise.all(nodes.splice(0).map(stopNode))
  removeTempDirs()
})

describe('two nodes', () => {
  it('a GREEN indicator created at A reaches B', async () => {
    const a = await startNode('A')
    const b = await startNode('B')
    nodes.push(a, b)
    link(a, b)
    const ind = putOwn(a, indicator(a, 'green'))
    await waitFor(() => current(b, ind.id as string) !== undefined, 'indicator at B')
    expect(current(b, ind.id as string)).toBe(current(a, ind.id as string))
  })
})

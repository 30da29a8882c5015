import { afterEach, describe, expect, it } from 'vitest'
import { BadRequestError } from '../errors.js'
import { BATCH_SIZE, SIGN_BATCH_SIZE } from './constants.js'
import { harness, removeTempDirs, type Harness } from './test-support.js'

let h: Harness
afterEach(() => {
  h?.signer.close()
  h?.store.close()
  removeTempDirs()
})

const ip = (n: number): string => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`

describe('importText reads line-based files row by row', () => {
  it('a file that turns out malformed at its end stores nothing (DESIGN.md invariant 7)', async () => {
    h = await harness({ matcher: false })
    const rows = Array.from({ length: 3 * SIGN_BATCH_SIZE }, (_, i) => `${ip(i + 1)},"seen ${i}"`)
    expect(() => h.ingestor.importText('big.csv', `value,description\n${rows.join('\n')}\n203.0.113.9,"never closed\n`)).toThrow(BadRequestError)
    expect(h.store.count().objects).toBe(0)
  })

  it('duplicates across signing batches and store transactions get the first one’s id, items in line order', async () => {
    h = await harness({ matcher: false })
    const unique = BATCH_SIZE + SIGN_BATCH_SIZE + 7
    const lines = Array.from({ length: unique }, (_, i) => ip(i + 1))
    // Every 10th value again near the end, and one line that is no indicator.
    const again = lines.filter((_, i) => i % 10 === 0)
    const text = [...lines, 'not an indicator', ...again].join('\n')
    const calls: [number, number][] = []
    const r = h.ingestor.importText('big.txt', text, {}, (d, t) => calls.push([d, t]))
    expect(r.summary).toMatchObject({ created: unique, unchanged: again.length, rejected: 1 })
    expect(r.items.map((i) => i.source?.line)).toEqual(Array.from({ length: r.items.length }, (_, i) => i + 1))
    const idOf = new Map(r.items.slice(0, unique).map((i) => [i.value, i.id]))
    for (const item of r.items.slice(unique + 1)) expect(item).toMatchObject({ status: 'unchanged', id: idOf.get(item.value) })
    expect(h.store.count().objects).toBe(unique)
    expect(calls.at(-1)).toEqual([r.items.length, r.items.length])
    expect(calls.length).toBeGreaterThan(50)
  })
})

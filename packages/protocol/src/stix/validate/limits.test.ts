import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from './issue.js'
import { validateObject } from './object.js'

const base = (): Record<string, unknown> => ({
  type: 'x-thing', spec_version: '2.1', id: 'x-thing--69da72d2-f550-41c5-ab9e-e8255707f28a',
  created: '2024-03-01T10:00:00.000Z', modified: '2024-03-01T10:00:00.000Z',
})

describe('hostile-input limits', () => {
  it('rejects nesting deeper than maxDepth without recursing', () => {
    let deep: unknown = 'leaf'
    for (let i = 0; i < 100_000; i++) deep = { x_a: deep }
    const issues = validateObject({ ...base(), x_deep: deep })
    expect(issues.map((i) => i.rule)).toEqual(['limit-depth'])
    expect(issues[0]?.path.startsWith('x_deep.x_a.x_a')).toBe(true)
    expect(issues[0]?.message).toContain(`deeper than ${DEFAULT_LIMITS.maxDepth}`)
  })

  it('rejects a string longer than 1 MiB with its path', () => {
    const issues = validateObject({ ...base(), x_blob: ['ok', 'y'.repeat(1024 * 1024 + 1)] })
    expect(issues.map((i) => `${i.rule}:${i.path}`)).toEqual(['limit-string-length:x_blob[1]'])
  })

  it('accepts a string of exactly the limit', () => {
    expect(validateObject({ ...base(), x_blob: 'y'.repeat(1024 * 1024) })).toEqual([])
  })

  it('rejects too many properties and too long arrays, honouring custom limits', () => {
    const many: Record<string, number> = {}
    for (let i = 0; i < 20; i++) many[`key_${i}`] = i
    const issues = validateObject({ ...base(), x_many: many, x_list: [1, 2, 3, 4, 5] }, { limits: { maxProperties: 10, maxArrayLength: 4 } })
    expect(issues.map((i) => `${i.rule}:${i.path}`).sort()).toEqual(['limit-array-length:x_list', 'limit-properties:x_many'])
  })

  it('rejects too many values overall', () => {
    const issues = validateObject({ ...base(), x_list: new Array(50).fill(0) }, { limits: { maxNodes: 20 } })
    expect(issues.map((i) => i.rule)).toEqual(['limit-nodes'])
  })

  it('stops validating an object that breaks a limit', () => {
    const issues = validateObject({ ...base(), spec_version: '9', x_blob: 'y'.repeat(40) }, { limits: { maxStringLength: 32 } })
    expect(issues.map((i) => i.rule)).toEqual(['limit-string-length'])
  })
})

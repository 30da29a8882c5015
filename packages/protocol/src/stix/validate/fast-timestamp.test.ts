import { describe, expect, it } from 'vitest'
import { compareStixTimestamps, hasMillisecondPrecision, isStixTimestamp, stixTimestampProblem } from '../timestamp.js'
import { compareTimestamps, hasMillis, isTimestamp, timestampProblem } from './fast-timestamp.js'

const CASES = [
  '2026-11-28T10:00:00.000Z', '2026-11-28T10:00:00Z', '2026-11-28T10:00:00.1Z', '2026-11-28T10:00:00.123456789Z',
  '2024-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2100-02-29T00:00:00Z', '2000-02-29T00:00:00Z', '0000-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z', '2026-13-01T00:00:00Z', '2026-00-01T00:00:00Z', '2026-01-00T00:00:00Z',
  '2026-01-01T24:00:00Z', '2026-01-01T23:60:00Z', '2016-12-31T23:59:60Z', '2016-12-31T23:59:61Z',
  '2026-01-01T00:00:00.Z', '2026-01-01T00:00:00.000', '2026-01-01t00:00:00Z', '2026-01-01T00:00:00+00:00',
  '2026-1-01T00:00:00Z', '2026-01-01T00:00:00.00aZ', ' 2026-01-01T00:00:00Z', '', 'Z',
]

describe('fast timestamp checks agree with ../timestamp.js', () => {
  it.each(CASES)('%j', (t) => {
    expect(timestampProblem(t)).toBe(stixTimestampProblem(t))
    expect(isTimestamp(t)).toBe(isStixTimestamp(t))
    if (isStixTimestamp(t)) expect(hasMillis(t)).toBe(hasMillisecondPrecision(t))
  })

  it('orders every pair of valid timestamps exactly, leap seconds and unequal fractions included', () => {
    const valid = [...CASES.filter((t) => isStixTimestamp(t)), '2017-01-01T00:00:00Z', '2026-11-28T10:00:00.100000Z', '2026-11-28T10:00:00.0001Z']
    for (const a of valid) for (const b of valid) expect(compareTimestamps(a, b), `${a} vs ${b}`).toBe(compareStixTimestamps(a, b))
  })
})

import { describe, expect, it } from 'vitest'
import { formatMicros, parseMicros } from './timestamps.js'

describe('TAXII microsecond timestamps', () => {
  it('formats with six fraction digits and parses back exactly', () => {
    const us = Date.UTC(2026, 10, 28, 4, 5, 6, 789) * 1000 + 123
    expect(formatMicros(us)).toBe('2026-11-28T04:05:06.789123Z')
    expect(parseMicros(formatMicros(us))).toBe(us)
  })

  it('accepts any precision and truncates below the microsecond', () => {
    expect(parseMicros('2026-11-28T04:05:06Z')).toBe(Date.UTC(2026, 10, 28, 4, 5, 6) * 1000)
    expect(parseMicros('2026-11-28T04:05:06.1Z')).toBe(Date.UTC(2026, 10, 28, 4, 5, 6, 100) * 1000)
    expect(parseMicros('2026-11-28T04:05:06.000001999Z')).toBe(Date.UTC(2026, 10, 28, 4, 5, 6) * 1000 + 1)
  })

  it.each(['2026-02-30T00:00:00Z', '2026-11-28 04:05:06Z', '2026-11-28T04:05:06+01:00', '2026-11-28T24:00:00Z', 'yesterday', '2026-11-28t04:05:06z'])(
    'refuses %j',
    (s) => expect(parseMicros(s)).toBeUndefined(),
  )
})

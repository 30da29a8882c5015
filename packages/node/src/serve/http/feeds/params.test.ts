import { describe, expect, it } from 'vitest'
import { BadRequestError } from '../../../errors.js'
import { csvField } from './lines.js'
import { formatMicros, parseDateTime } from './time.js'

describe('parseDateTime (RFC 3339) and formatMicros', () => {
  it('reads STIX timestamps and RFC 3339 offsets to microseconds', () => {
    const base = Date.parse('2025-03-01T12:00:00Z') * 1000
    expect(parseDateTime('2025-03-01T12:00:00Z', 'since')).toBe(base)
    expect(parseDateTime('2025-03-01T12:00:00.123456789Z', 'since')).toBe(base + 123_456)
    expect(parseDateTime('2025-03-01T14:00:00+02:00', 'since')).toBe(base)
    // '+' arrives as a space from a query string.
    expect(parseDateTime('2025-03-01T14:00:00 02:00', 'since')).toBe(base)
    expect(parseDateTime('2025-03-01T07:30:00-04:30', 'since')).toBe(base)
    expect(parseDateTime('2024-02-29T00:00:00z', 'since')).toBe(Date.parse('2024-02-29T00:00:00Z') * 1000)
  })

  it('refuses what is not a date-time, naming the parameter', () => {
    for (const bad of ['2025-03-01', '2025-03-01T12:00:00', '2025-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2025-03-01T24:00:00Z', '2025-03-01T12:00:00+25:00', 'now']) {
      expect(() => parseDateTime(bad, 'since')).toThrow(BadRequestError)
      expect(() => parseDateTime(bad, 'since')).toThrow(/^since: /)
    }
  })

  it('formats microseconds as a STIX timestamp that parses back to the same instant', () => {
    const us = Date.parse('2025-03-01T12:00:00.123Z') * 1000 + 456
    expect(formatMicros(us)).toBe('2025-03-01T12:00:00.123456Z')
    expect(parseDateTime(formatMicros(us), 'since')).toBe(us)
  })
})

describe('csvField (RFC 4180)', () => {
  it('quotes fields with commas, quotes or line breaks and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('x\r\ny')).toBe('"x\r\ny"')
  })
})

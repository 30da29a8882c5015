import { describe, expect, it } from 'vitest'
import {
  StixTimestampError, compareStixTimestamps, formatStixTimestamp, hasMillisecondPrecision, isStixTimestamp, parseStixTimestamp,
  stixTimestampProblem, toEpochMicros,
} from './timestamp.js'

describe('parseStixTimestamp', () => {
  it('parses seconds, milliseconds, microseconds and nanoseconds', () => {
    const s = parseStixTimestamp('2016-04-06T20:03:48Z')
    expect(s.epochMs).toBe(Date.UTC(2016, 3, 6, 20, 3, 48))
    expect(s.precision).toBe('second')
    const ms = parseStixTimestamp('2016-04-06T20:03:48.123Z')
    expect(ms.epochMs).toBe(Date.UTC(2016, 3, 6, 20, 3, 48, 123))
    expect(ms.precision).toBe('millisecond')
    const us = parseStixTimestamp('2016-04-06T20:03:48.123456Z')
    expect(us).toMatchObject({ epochMs: ms.epochMs, nanosOfMs: 456_000, precision: 'microsecond', fractionDigits: 6 })
    const ns = parseStixTimestamp('2016-04-06T20:03:48.123456789Z')
    expect(ns).toMatchObject({ nanosOfMs: 456_789, precision: 'nanosecond' })
  })
  it('handles years below 100 and before 1970', () => {
    expect(parseStixTimestamp('0099-01-01T00:00:00Z').epochMs).toBe(new Date('0099-01-01T00:00:00Z').getTime())
    expect(parseStixTimestamp('1969-12-31T23:59:59.999Z').epochMs).toBe(-1)
  })
  it.each([
    ['2016-04-06T20:03:48', 'RFC 3339'],
    ['2016-04-06t20:03:48Z', 'RFC 3339'],
    ['2016-04-06T20:03:48+00:00', 'RFC 3339'],
    ['2016-04-06 20:03:48Z', 'RFC 3339'],
    ['2016-04-06T20:03:48.Z', 'RFC 3339'],
    ['2016-13-06T20:03:48Z', 'month 13'],
    ['2015-02-29T00:00:00Z', 'day 29'],
    ['2016-04-31T00:00:00Z', 'day 31'],
    ['2016-04-06T24:00:00Z', 'hour 24'],
    ['2016-04-06T23:60:00Z', 'minute 60'],
    ['2016-04-06T23:59:61Z', 'second 61'],
  ])('rejects %s', (text, why) => {
    expect(stixTimestampProblem(text)).toContain(why)
    expect(isStixTimestamp(text)).toBe(false)
    expect(() => parseStixTimestamp(text)).toThrow(StixTimestampError)
  })
  it('accepts a leap day and a leap second', () => {
    expect(isStixTimestamp('2016-02-29T00:00:00Z')).toBe(true)
    expect(isStixTimestamp('2016-12-31T23:59:60Z')).toBe(true)
  })
})

describe('compareStixTimestamps', () => {
  it('orders beyond the millisecond', () => {
    expect(compareStixTimestamps('2020-01-01T00:00:00.123456Z', '2020-01-01T00:00:00.123457Z')).toBe(-1)
    expect(compareStixTimestamps('2020-01-01T00:00:00.123456789Z', '2020-01-01T00:00:00.123456788Z')).toBe(1)
    expect(compareStixTimestamps('2020-01-01T00:00:00.1234567891Z', '2020-01-01T00:00:00.1234567890Z')).toBe(1)
  })
  it('treats trailing zeros as equal', () => {
    expect(compareStixTimestamps('2020-01-01T00:00:00Z', '2020-01-01T00:00:00.000000Z')).toBe(0)
    expect(compareStixTimestamps('2020-01-01T00:00:00.1Z', '2020-01-01T00:00:00.100Z')).toBe(0)
  })
  it('orders across seconds regardless of digits', () => {
    expect(compareStixTimestamps('2020-01-01T00:00:00.999999Z', '2020-01-01T00:00:01Z')).toBe(-1)
    expect(compareStixTimestamps('2021-01-01T00:00:00Z', '2020-12-31T23:59:59.999Z')).toBe(1)
  })
})

describe('formatStixTimestamp', () => {
  const d = new Date(Date.UTC(2024, 2, 1, 10, 0, 5, 42))
  it('formats a Date at each precision, truncating', () => {
    expect(formatStixTimestamp(d)).toBe('2024-03-01T10:00:05.042Z')
    expect(formatStixTimestamp(d, 'second')).toBe('2024-03-01T10:00:05Z')
    expect(formatStixTimestamp(d, 'microsecond')).toBe('2024-03-01T10:00:05.042000Z')
  })
  it('formats epoch microseconds, including before 1970', () => {
    expect(formatStixTimestamp(1_709_287_205_042_123n, 'microsecond')).toBe('2024-03-01T10:00:05.042123Z')
    expect(formatStixTimestamp(1_709_287_205_042_123n, 'millisecond')).toBe('2024-03-01T10:00:05.042Z')
    expect(formatStixTimestamp(-1n, 'microsecond')).toBe('1969-12-31T23:59:59.999999Z')
  })
  it('round-trips a parsed nanosecond timestamp', () => {
    const t = '2024-03-01T10:00:05.123456789Z'
    expect(formatStixTimestamp(parseStixTimestamp(t), 'nanosecond')).toBe(t)
    expect(toEpochMicros(t)).toBe(1_709_287_205_123_456n)
  })
  it('refuses invalid dates and years beyond 9999', () => {
    expect(() => formatStixTimestamp(new Date(Number.NaN))).toThrow(StixTimestampError)
    expect(() => formatStixTimestamp(new Date(Date.UTC(10000, 0, 1)))).toThrow(/outside years/)
  })
})

describe('hasMillisecondPrecision', () => {
  it('needs at least three fractional digits', () => {
    expect(hasMillisecondPrecision('2020-01-01T00:00:00.000Z')).toBe(true)
    expect(hasMillisecondPrecision('2020-01-01T00:00:00.000001Z')).toBe(true)
    expect(hasMillisecondPrecision('2020-01-01T00:00:00.00Z')).toBe(false)
    expect(hasMillisecondPrecision('2020-01-01T00:00:00Z')).toBe(false)
  })
})

import { describe, expect, it } from 'vitest'
import { StoreInputError } from './errors.js'
import { compareStixTimestamps, keyOfMs, parseStixTimestamp } from './timestamp.js'

describe('STIX timestamps', () => {
  it('orders by instant at any precision, where plain string order is wrong', () => {
    // String order puts "…00.1Z" after "…00.05Z" correctly only by accident and "…00Z" after "…00.5Z" wrongly.
    expect('2024-01-01T00:00:00Z' > '2024-01-01T00:00:00.5Z').toBe(true)
    expect(compareStixTimestamps('2024-01-01T00:00:00Z', '2024-01-01T00:00:00.5Z')).toBe(-1)
    expect(compareStixTimestamps('2024-01-01T00:00:00.1Z', '2024-01-01T00:00:00.100000Z')).toBe(0)
    expect(compareStixTimestamps('2024-01-01T00:00:00.000001Z', '2024-01-01T00:00:00.000000999Z')).toBe(1)
    expect(compareStixTimestamps('2024-01-01T00:00:00.1234567891Z', '2024-01-01T00:00:00.123456789Z')).toBe(1)
    expect(compareStixTimestamps('2024-01-01T00:00:00.123456789Z', '2024-01-01T00:00:00.1234567890000Z')).toBe(0)
    expect(compareStixTimestamps('2023-12-31T23:59:59.999999Z', '2024-01-01T00:00:00Z')).toBe(-1)
  })

  it('gives the epoch milliseconds, fraction truncated', () => {
    expect(parseStixTimestamp('2024-02-29T12:34:56.7899Z').ms).toBe(Date.UTC(2024, 1, 29, 12, 34, 56, 789))
    expect(parseStixTimestamp('0050-01-01T00:00:00Z').ms).toBe(new Date('0050-01-01T00:00:00Z').getTime())
  })

  it('keys of millisecond instants compare with parsed keys', () => {
    const ms = Date.UTC(2024, 0, 1, 0, 10)
    expect(keyOfMs(ms)).toBe(parseStixTimestamp('2024-01-01T00:10:00Z').key)
    expect(parseStixTimestamp('2024-01-01T00:10:00.0000001Z').key > keyOfMs(ms)).toBe(true)
  })

  it('rejects malformed and impossible timestamps with the place named', () => {
    for (const bad of ['2024-01-01 00:00:00Z', '2024-01-01T00:00:00+01:00', '2024-01-01T00:00:00.Z', '2024-02-30T00:00:00Z', '2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-01T24:00:00Z']) {
      expect(() => parseStixTimestamp(bad, 'obj modified')).toThrow(StoreInputError)
      expect(() => parseStixTimestamp(bad, 'obj modified')).toThrow(/^obj modified: /)
    }
  })

  it('says whether the form or the calendar is wrong, and keys a leap second between :59 and the next minute', () => {
    expect(() => parseStixTimestamp('2024-01-01T00:00:00+01:00', 'v')).toThrow("v: '2024-01-01T00:00:00+01:00' is not a STIX timestamp (YYYY-MM-DDTHH:MM:SS[.s+]Z)")
    expect(() => parseStixTimestamp('2023-02-29T00:00:00Z', 'v')).toThrow("v: '2023-02-29T00:00:00Z' is not a valid calendar date and time")
    const leap = parseStixTimestamp('2016-12-31T23:59:60.5Z')
    expect(leap).toEqual({ ms: Date.UTC(2017, 0, 1, 0, 0, 0, 500), key: '2016-12-31T23:59:60.500000000' })
    expect(compareStixTimestamps('2016-12-31T23:59:59.999Z', '2016-12-31T23:59:60Z')).toBe(-1)
    expect(compareStixTimestamps('2016-12-31T23:59:60Z', '2017-01-01T00:00:00Z')).toBe(-1)
  })
})

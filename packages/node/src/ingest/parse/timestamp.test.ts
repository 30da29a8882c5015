import { describe, expect, it } from 'vitest'
import { epochToTimestamp, parseTimestamp } from './timestamp.js'

describe('parseTimestamp', () => {
  it.each([
    ['2025-01-31', '2025-01-31T00:00:00.000Z'],
    ['2025-01-31T12:34:56Z', '2025-01-31T12:34:56.000Z'],
    ['2025-01-31 12:34', '2025-01-31T12:34:00.000Z'],
    ['2022-04-21T17:48:23.000000+00:00', '2022-04-21T17:48:23.000Z'],
    ['2024-04-01T01:00:00.123456+02:00', '2024-03-31T23:00:00.123Z'],
    ['2024-12-31T23:30:00-0100', '2025-01-01T00:30:00.000Z'],
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['0050-06-01', '0050-06-01T00:00:00.000Z'],
  ])('%s → %s', (raw, expected) => {
    expect(parseTimestamp(raw)).toBe(expected)
  })

  it.each(['2023-02-29', '2025-13-01', '2025-01-32', '2025-01-31T24:00:00Z', '2025-01-31T12:60Z', '31/01/2025', '1706700000', 'soon', '2025-01-31T12:00:00+25:00'])(
    'rejects %s',
    (raw) => {
      expect(parseTimestamp(raw)).toBeUndefined()
    },
  )
})

describe('epochToTimestamp', () => {
  it('converts MISP epoch strings and treats "0" as absent', () => {
    expect(epochToTimestamp('1520624226')).toBe('2018-03-09T19:37:06.000Z')
    expect(epochToTimestamp(1714521600)).toBe('2024-05-01T00:00:00.000Z')
    expect([epochToTimestamp('0'), epochToTimestamp(''), epochToTimestamp('12a'), epochToTimestamp(null)]).toEqual([undefined, undefined, undefined, undefined])
  })
})

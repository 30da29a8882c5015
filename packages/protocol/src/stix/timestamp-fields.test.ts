import { describe, expect, it } from 'vitest'
import { daysInMonth, hasStixTimestampSyntax, readStixTimestamp, stixTimestampProblem, utcEpochMs } from './timestamp-fields.js'

/**
 * The scanner replaced a regular expression; this is that expression, kept as the oracle
 * the character-code scan must agree with (STIX 2.1 §3.2, OASIS common/core.json).
 */
const REFERENCE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/

function referenceFields(text: string) {
  const m = REFERENCE.exec(text)
  if (!m) return undefined
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  if (month < 1 || month > 12 || day < 1 || day > days || hour > 23 || minute > 59 || second > 60) return undefined
  return { year, month, day, hour, minute, second, fraction: m[7] ?? '' }
}

const VALID = '2024-02-29T23:59:60.123456789Z'

/** Every one-character change of a valid timestamp, plus truncations and extensions. */
function mutations(): string[] {
  const out = new Set<string>()
  const chars = ['0', '1', '2', '3', '5', '6', '9', '-', ':', 'T', 't', 'Z', 'z', '.', ' ', '+', 'a', '\u0660']
  for (let i = 0; i < VALID.length; i++) {
    for (const c of chars) out.add(VALID.slice(0, i) + c + VALID.slice(i + 1))
    out.add(VALID.slice(0, i) + VALID.slice(i + 1))
    out.add(VALID.slice(0, i))
  }
  for (const f of ['', '.', '.0', '.000', '.1234567890123']) out.add(`2024-02-29T23:59:59${f}Z`)
  return [...out]
}

describe('readStixTimestamp', () => {
  it('agrees with the reference expression on every mutation of a valid timestamp', () => {
    const cases = mutations()
    expect(cases.length).toBeGreaterThan(500)
    for (const t of cases) {
      expect(readStixTimestamp(t), t).toEqual(referenceFields(t))
      expect(hasStixTimestampSyntax(t), t).toBe(REFERENCE.test(t))
      expect(stixTimestampProblem(t) === undefined, t).toBe(referenceFields(t) !== undefined)
    }
  })

  it('agrees on every day of every month in leap and common years, centuries included', () => {
    for (const year of ['0000', '0004', '1900', '2000', '2023', '2024', '2100']) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const t = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`
          expect(readStixTimestamp(t), t).toEqual(referenceFields(t))
        }
      }
    }
  })

  it('answers non-strings as not a timestamp instead of throwing', () => {
    expect(hasStixTimestampSyntax(undefined as unknown as string)).toBe(false)
    expect(readStixTimestamp(20240101 as unknown as string)).toBeUndefined()
  })
})

describe('daysInMonth and utcEpochMs', () => {
  it('follow the proleptic Gregorian calendar with literal years below 100', () => {
    expect([daysInMonth(1900, 2), daysInMonth(2000, 2), daysInMonth(0, 2), daysInMonth(2023, 4)]).toEqual([28, 29, 29, 30])
    expect(utcEpochMs(50, 1, 1, 0, 0, 0)).toBe(new Date('0050-01-01T00:00:00Z').getTime())
    expect(utcEpochMs(2024, 2, 29, 12, 34, 56, 789)).toBe(Date.UTC(2024, 1, 29, 12, 34, 56, 789))
    // RFC 3339 §5.6 leap second: the same instant as the next minute's :00.
    expect(utcEpochMs(2016, 12, 31, 23, 59, 60)).toBe(Date.UTC(2017, 0, 1))
  })
})

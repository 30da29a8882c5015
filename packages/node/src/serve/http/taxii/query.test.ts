import { describe, expect, it } from 'vitest'
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './constants.js'
import { LIST_FILTERS, OBJECT_FILTERS, parseTaxiiQuery } from './query.js'

const q = (s: string, allowed = LIST_FILTERS) => parseTaxiiQuery(new URLSearchParams(s), allowed)
const ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'

describe('parseTaxiiQuery (TAXII 2.1 §3.4, §3.5)', () => {
  it('defaults and caps limit', () => {
    expect(q('').limit).toBe(DEFAULT_PAGE_LIMIT)
    expect(q('limit=5').limit).toBe(5)
    expect(q('limit=99999999').limit).toBe(MAX_PAGE_LIMIT)
  })

  it('splits commas, merges repeats, de-duplicates and lower-cases ids', () => {
    const f = q(`match[type]=malware,indicator&match[type]=indicator&match[id]=${ID.toUpperCase().replace('INDICATOR', 'indicator')}`).filter
    expect(f.types).toEqual(['indicator', 'malware'])
    expect(f.ids).toEqual([ID])
  })

  it('gives the same canonical text for the same filter written differently', () => {
    expect(q('match[type]=a-b,c&added_after=2026-01-01T00:00:00Z').canonical).toBe(q('added_after=2026-01-01T00:00:00.000Z&match[type]=c&match[type]=a-b').canonical)
    expect(q('match[type]=c').canonical).not.toBe(q('match[type]=d').canonical)
  })

  it('ignores filters the endpoint does not define', () => {
    expect(q('match[type]=indicator&match[id]=nonsense', OBJECT_FILTERS).filter).toEqual({})
  })

  it('splits match[version] into keywords and timestamps', () => {
    const v = q('match[version]=first,2026-01-01T00:00:00Z').filter.versions!
    expect([...v.keywords]).toEqual(['first'])
    expect(v.timestamps).toEqual(['2026-01-01T00:00:00Z'])
  })

  it('refuses oversized lists', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `t${i}`).join(',')
    expect(() => q(`match[type]=${many}`)).toThrow(/at most 1000/)
  })
})

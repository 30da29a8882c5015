import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { TaxiiError } from './errors.js'
import { NextTokens } from './next-token.js'

describe('NextTokens', () => {
  const tokens = new NextTokens(randomBytes(32))
  const b = { keyId: 'k1', resource: 'objects:c:', canonical: '[null]' }
  const cursor = { dateAdded: 1_764_300_000_123_456, seq: 42 }

  it('round-trips a cursor for the same binding, including built-in (negative) positions', () => {
    expect(tokens.open(b, tokens.issue(b, cursor))).toEqual(cursor)
    expect(tokens.open(b, tokens.issue(b, { dateAdded: 1, seq: -3 }))).toEqual({ dateAdded: 1, seq: -3 })
  })

  it('refuses another key id, resource, query, secret, or an altered position', () => {
    const t = tokens.issue(b, cursor)
    expect(() => tokens.open({ ...b, keyId: 'k2' }, t)).toThrow(TaxiiError)
    expect(() => tokens.open({ ...b, resource: 'manifest:c:' }, t)).toThrow(/next:/)
    expect(() => tokens.open({ ...b, canonical: '[1]' }, t)).toThrow(/next:/)
    expect(() => new NextTokens(randomBytes(32)).open(b, t)).toThrow(/next:/)
    const forged = `${Buffer.from(`${cursor.dateAdded.toString(36)}.${(cursor.seq + 1).toString(36)}`).toString('base64url')}.${t.split('.')[1]}`
    expect(() => tokens.open(b, forged)).toThrow(/next:/)
    expect(() => tokens.open(b, 'garbage')).toThrow(/next:/)
  })
})

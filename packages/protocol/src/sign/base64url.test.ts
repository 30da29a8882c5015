import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { Base64urlError, base64urlDecode, base64urlEncode } from './base64url.js'

describe('base64url', () => {
  it('matches the RFC 4648 §10 vectors with padding stripped', () => {
    const cases: [string, string][] = [
      ['', ''],
      ['f', 'Zg'],
      ['fo', 'Zm8'],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg'],
      ['fooba', 'Zm9vYmE'],
      ['foobar', 'Zm9vYmFy'],
    ]
    for (const [plain, encoded] of cases) {
      expect(base64urlEncode(new TextEncoder().encode(plain))).toBe(encoded)
      expect(new TextDecoder().decode(base64urlDecode(encoded))).toBe(plain)
    }
  })

  it('uses - and _ and round-trips random bytes like Buffer does', () => {
    expect(base64urlEncode(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_')
    for (let len = 0; len < 70; len++) {
      const bytes = new Uint8Array(randomBytes(len))
      const text = base64urlEncode(bytes)
      expect(text).toBe(Buffer.from(bytes).toString('base64url'))
      expect(base64urlDecode(text)).toEqual(bytes)
    }
  })

  it.each([
    ['Zg==', 2],
    ['Zm8=', 3],
    ['Zm9v+A', 4],
    ['Zm9v/A', 4],
    ['Zm 9vA', 2],
    ['Zé', 1],
  ])('rejects %j at index %d', (text, index) => {
    let caught: unknown
    try {
      base64urlDecode(text)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(Base64urlError)
    expect((caught as Base64urlError).name).toBe('Base64urlError')
    expect((caught as Base64urlError).index).toBe(index)
  })

  it('rejects impossible lengths', () => {
    expect(() => base64urlDecode('Zm9vY')).toThrow(/length 5/)
  })

  it('rejects non-canonical trailing bits', () => {
    // 'Zh' and 'Zm9' + 'w' decode to the same bytes as 'Zg' / 'Zm8' if the spare bits are ignored.
    expect(() => base64urlDecode('Zh')).toThrow(/unused bits/)
    expect(() => base64urlDecode('Zm9')).toThrow(/unused bits/)
    expect(base64urlDecode('Zm8')).toEqual(Uint8Array.of(0x66, 0x6f))
  })
})

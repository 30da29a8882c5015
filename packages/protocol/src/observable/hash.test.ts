import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { canonicalHashName, normaliseHashProperty } from './hash.js'

const SHA256 = '3ea2ead8f3cec030906dcbffe3efd5c5d77d5d375d4a54cca03bfe8a6cb59940'

describe('canonicalHashName', () => {
  it.each([
    ['SHA-256', 'SHA-256'],
    ['SHA256', 'SHA-256'],
    ['sha256', 'SHA-256'],
    ['sha-256', 'SHA-256'],
    ['sha_256', 'SHA-256'],
    ["'SHA-256'", 'SHA-256'],
    ['"SHA-256"', 'SHA-256'],
    ['md5', 'MD5'],
    ['MD5', 'MD5'],
    ['sha1', 'SHA-1'],
    ['SHA-1', 'SHA-1'],
    ['sha512', 'SHA-512'],
    ['SHA3-256', 'SHA3-256'],
    ['sha3_512', 'SHA3-512'],
    ['ssdeep', 'SSDEEP'],
    ['tlsh', 'TLSH'],
    ['sha-384', 'SHA-384'],
    ['imphash', 'IMPHASH'],
    ["'x_custom'", 'X_CUSTOM'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalHashName(input)).toBe(expected)
  })

  it.each(['', "''", 'sha 256!', 'a.b', 'x'.repeat(65)])('refuses %j', (input) => {
    expect(canonicalHashName(input)).toBeUndefined()
  })
})

describe('normaliseHashProperty', () => {
  it('lower-cases hex and canonicalises the property', () => {
    expect(normaliseHashProperty('file', "hashes.'SHA-256'", SHA256.toUpperCase())).toEqual({
      property: 'hashes.SHA-256',
      value: SHA256,
    })
    expect(normaliseHashProperty('file', 'hashes.md5', '9CA5DF575E5BD60035202DABD67B7AF2')).toEqual({
      property: 'hashes.MD5',
      value: '9ca5df575e5bd60035202dabd67b7af2',
    })
  })

  it.each([
    ['hashes.MD5', 'a'.repeat(31), 'has 32 hexadecimal digits, this has 31'],
    ['hashes.SHA-1', 'a'.repeat(41), 'has 40 hexadecimal digits, this has 41'],
    ['hashes.SHA-256', 'g'.repeat(64), 'hexadecimal digits only'],
    ['hashes.SHA-512', 'a'.repeat(64), 'has 128'],
    ['hashes.SHA3-256', 'a'.repeat(128), 'has 64'],
    ['hashes.SHA-256', `${'a'.repeat(63)} `, 'hexadecimal digits only'],
  ])('%s rejects a wrong value (%s)', (property, value, problem) => {
    expect(() => normaliseHashProperty('file', property, value)).toThrow(ObservableError)
    expect(() => normaliseHashProperty('file', property, value)).toThrow(problem)
  })

  it('keeps SSDEEP as is and checks its shape loosely', () => {
    const ssdeep = '3072:Hs2pQfV3l+jZ0dHN+u5Lw:H/8l+jZ0dtNw'
    expect(normaliseHashProperty('file', 'hashes.ssdeep', ssdeep)).toEqual({ property: 'hashes.SSDEEP', value: ssdeep })
    expect(() => normaliseHashProperty('file', 'hashes.SSDEEP', 'not-a-fuzzy-hash')).toThrow('blocksize:signature:signature')
  })

  it('lower-cases TLSH', () => {
    const tlsh = `T1${'A1B2'.repeat(17)}C3`
    expect(normaliseHashProperty('file', 'hashes.TLSH', tlsh).value).toBe(tlsh.toLowerCase())
    expect(() => normaliseHashProperty('file', 'hashes.TLSH', 'T1ABC')).toThrow('70 or more')
  })

  it('upper-cases unknown algorithm names and lower-cases hex values', () => {
    expect(normaliseHashProperty('file', 'hashes.sha384', 'AB'.repeat(48))).toEqual({
      property: 'hashes.SHA384',
      value: 'ab'.repeat(48),
    })
    expect(normaliseHashProperty('file', 'hashes.imphash', 'Not-Hex')).toEqual({ property: 'hashes.IMPHASH', value: 'Not-Hex' })
  })

  it('refuses a property that cannot name a hash', () => {
    expect(() => normaliseHashProperty('file', 'hashes.', 'aa')).toThrow(expect.objectContaining({ code: 'unsupported-property' }))
  })
})

import { describe, expect, it } from 'vitest'
import { normaliseSerialNumber } from './x509.js'

describe('normaliseSerialNumber', () => {
  it.each([
    ['0e:97:88:1c:6c:a1:37:96:42:03:bc:45:42:24:75:6c', 'e97881c6ca137964203bc454224756c'],
    ['0E97881C6CA137964203BC454224756C', 'e97881c6ca137964203bc454224756c'],
    ['4C 0B 1D 19', '4c0b1d19'],
    ['4c-0b-1d-19', '4c0b1d19'],
    ['0x4c0b1d19', '4c0b1d19'],
    ['00:e1', 'e1'],
    ['00', '0'],
    ['0', '0'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSerialNumber(input)).toBe(expected)
  })

  it.each([
    ['zz:01', 'hexadecimal digits'],
    [':::', 'no digits'],
    ['0x', 'no digits'],
    ['a'.repeat(65), '65 hexadecimal digits'],
  ])('rejects %j', (input, problem) => {
    expect(() => normaliseSerialNumber(input)).toThrow(problem)
  })
})

import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { formatIpv4, normaliseIpv4, parseIpv4 } from './ipv4.js'

describe('parseIpv4', () => {
  it.each([
    ['0.0.0.0', 0],
    ['255.255.255.255', 0xffffffff],
    ['10.0.0.1', 0x0a000001],
    ['198.51.100.7', 0xc6336407],
  ])('%s → %d', (text, n) => {
    expect(parseIpv4(text)).toBe(n)
    expect(formatIpv4(n)).toBe(text)
  })

  it.each([
    ['256.1.1.1', 'octet 1 (256) is greater than 255'],
    ['1.2.3.999', 'octet 4 (999) is greater than 255'],
    ['1.2.3', 'has 3'],
    ['1.2.3.4.5', 'has 5'],
    ['01.2.3.4', 'leading zero'],
    ['1.2.3.00', 'leading zero'],
    ['0x1.2.3.4', 'not a decimal number'],
    ['1..3.4', 'octet 2 is empty'],
    ['1.2.3.4a', 'not a decimal number'],
    ['1.2.3.+4', 'not a decimal number'],
    ['١.٢.٣.٤', 'not a decimal number'],
    ['1.2.3.1234', 'not a decimal number'],
    ['', 'has 1'],
  ])('rejects %j (%s)', (text, problem) => {
    expect(() => parseIpv4(text)).toThrow(ObservableError)
    expect(() => parseIpv4(text)).toThrow(problem)
  })
})

describe('normaliseIpv4', () => {
  it.each([
    ['1.2.3.4', '1.2.3.4'],
    ['1.2.3.4/32', '1.2.3.4'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['192.168.1.77/26', '192.168.1.64/26'],
    ['172.31.255.255/12', '172.16.0.0/12'],
    ['1.2.3.4/0', '0.0.0.0/0'],
    ['1.2.3.5/31', '1.2.3.4/31'],
    ['255.255.255.255/1', '128.0.0.0/1'],
    ['203.0.113.9/24', '203.0.113.0/24'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIpv4(input)).toBe(expected)
  })

  it.each([
    ['1.2.3.4/33', 'greater than 32'],
    ['1.2.3.4/', "'/' is not a decimal number"],
    ['1.2.3.4/08', 'not a decimal number'],
    ['1.2.3.4/-1', 'not a decimal number'],
    ['1.2.3.4/8/9', "more than one '/'"],
    ['1.2.3.4/1000', 'not a decimal number'],
  ])('rejects %s', (input, problem) => {
    expect(() => normaliseIpv4(input)).toThrow(problem)
  })

  it('names the type, property and value in the message', () => {
    try {
      normaliseIpv4('10.0.0.256')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(ObservableError)
      const err = e as ObservableError
      expect(err.name).toBe('ObservableError')
      expect(err.code).toBe('invalid-value')
      expect(err.message).toBe("ipv4-addr:value '10.0.0.256': octet 4 (256) is greater than 255")
    }
  })
})

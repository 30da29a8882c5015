import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { formatIpv6, normaliseIpv6, parseIpv6 } from './ipv6.js'

describe('normaliseIpv6 (RFC 5952 canonical text)', () => {
  it.each([
    // RFC 5952 §2 and §4 examples
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8::1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8::0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:0db8::1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:0:1::1', '2001:db8::1:0:0:1'],
    ['2001:db8:0000:0:1::1', '2001:db8::1:0:0:1'],
    ['2001:DB8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:aaaa:bbbb:cccc:dddd:eeee:0001', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:1'],
    ['2001:db8:0:0:0::1', '2001:db8::1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // §4.2.2: one zero group is not compressed
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1'], // §4.2.3: the longest run
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // §4.2.3: the first of equal runs
    ['2001:db8::aaaa:0:0:1', '2001:db8::aaaa:0:0:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['::', '::'],
    ['::1', '::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1::', '1::'],
    ['1:2:3:4:5:6:7::', '1:2:3:4:5:6:7:0'],
    ['::2:3:4:5:6:7:8', '0:2:3:4:5:6:7:8'],
    ['FE80::0202:B3FF:FE1E:8329', 'fe80::202:b3ff:fe1e:8329'],
    // embedded IPv4 (RFC 4291 §2.2 form 3)
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::FFFF:c000:0201', '::ffff:192.0.2.1'],
    ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['::192.0.2.1', '::c000:201'],
    ['1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:102:304'],
    ['[2001:db8::1]', '2001:db8::1'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseIpv6(input)).toBe(expected)
  })

  it.each([
    ['2001:db8:abcd:12::1/48', '2001:db8:abcd::/48'],
    ['2001:db8::1/128', '2001:db8::1'],
    ['2001:db8::1/0', '::/0'],
    ['fe80::1/10', 'fe80::/10'],
    ['2001:db8::ff/124', '2001:db8::f0/124'],
    ['2001:db8::ff/121', '2001:db8::80/121'],
    ['::ffff:10.1.2.3/104', '::ffff:10.0.0.0/104'],
    ['2001:DB8:1:2:3:4:5:6/64', '2001:db8:1:2::/64'],
  ])('CIDR %s → %s', (input, expected) => {
    expect(normaliseIpv6(input)).toBe(expected)
  })

  it.each([
    ['1:2:3:4:5:6:7:8:9', 'has 9 groups'],
    ['1:2:3:4:5:6:7', 'has 7 groups'],
    ['1::2::3', "'::' appears more than once"],
    [':1:2:3:4:5:6:7', 'empty group'],
    ['1:2:3:4:5:6:7:', 'empty group'],
    [':::', 'empty group'],
    ['1:::2', 'empty group'],
    ['12345::', "'12345' is not 1 to 4"],
    ['g::1', "'g' is not 1 to 4"],
    ['::1.2.3.4.5', 'embedded IPv4'],
    ['1.2.3.4::', 'last 32 bits'],
    ['::1.2.3.4:1', 'last 32 bits'],
    ['::256.1.1.1', 'greater than 255'],
    ['::ffff:01.2.3.4', 'leading zero'],
    ['fe80::1%eth0', 'zone'],
    ['1:2:3:4:5:6:7:1.2.3.4', 'has 9 groups'],
    ['1:2:3:4::5:6:7:8', "'::' must stand for at least one"],
    ['2001:db8::/129', 'greater than 128'],
    ['2001:db8::/01', 'not a decimal number'],
    ['1.2.3.4', "contains ':'"],
    ['2001:db8::1 ', "group '1 ' is not 1 to 4"],
  ])('rejects %j (%s)', (input, problem) => {
    expect(() => normaliseIpv6(input)).toThrow(ObservableError)
    expect(() => normaliseIpv6(input)).toThrow(problem)
  })
})

describe('parseIpv6 / formatIpv6', () => {
  it('parses to 16 bytes in network order', () => {
    expect([...parseIpv6('2001:db8::ff00:42:8329')]).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0x00, 0x00, 0x42, 0x83, 0x29,
    ])
  })

  it('round-trips random addresses through format and parse', () => {
    let seed = 7
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff
    for (let i = 0; i < 300; i++) {
      // Many zero bytes, so that compression is exercised.
      const bytes = Uint8Array.from({ length: 16 }, () => (next() < 160 ? 0 : next()))
      const text = formatIpv6(bytes)
      expect(parseIpv6(text)).toEqual(bytes)
      expect(normaliseIpv6(text)).toBe(text)
      expect(text).not.toMatch(/(^|:)0[0-9a-f]/)
    }
  })
})

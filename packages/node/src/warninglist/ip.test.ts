import { describe, expect, it } from 'vitest'
import { ipv6Hex, parseIpPrefix, parseIpv4, parseIpv6, v4Key, v6Key } from './ip.js'

const hex6 = (s: string) => {
  const a = parseIpv6(s)
  return a === undefined ? undefined : ipv6Hex(a)
}

describe('parseIpv4', () => {
  it('reads dotted quads', () => {
    expect(parseIpv4('0.0.0.0')).toBe(0)
    expect(parseIpv4('10.1.2.3')).toBe(0x0a010203)
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff)
  })
  it.each(['', '1.2.3', '1.2.3.4.5', '256.1.1.1', '01.2.3.4', '1..2.3', '1.2.3.4 ', '1.2.3.-4', 'a.b.c.d', '1.2.3.4/8'])(
    'refuses %j',
    (s) => expect(parseIpv4(s)).toBeUndefined(),
  )
})

describe('parseIpv6', () => {
  it('expands the text forms of RFC 4291 §2.2', () => {
    expect(hex6('::')).toBe('0'.repeat(32))
    expect(hex6('::1')).toBe('0'.repeat(31) + '1')
    expect(hex6('FE80::')).toBe('fe80' + '0'.repeat(28))
    expect(hex6('2001:db8:0:0:1:0:0:1')).toBe('20010db8000000000001000000000001')
    expect(hex6('2001:DB8::1:0:0:1')).toBe('20010db8000000000001000000000001')
    expect(hex6('::ffff:192.0.2.1')).toBe('00000000000000000000ffffc0000201')
    expect(parseIpv6('1:2:3:4:5:6:7:8')).toHaveLength(8)
  })
  it.each([':', ':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', '12345::', 'g::', ':1::', '1::2:', '::1.2.3', 'fe80::1%eth0', '1:2:3:4:5:6:7::8'])(
    'refuses %j',
    (s) => expect(parseIpv6(s)).toBeUndefined(),
  )
})

describe('parseIpPrefix', () => {
  it('treats a bare address as a host prefix', () => {
    expect(parseIpPrefix('1.0.0.1')).toEqual({ family: 4, addr: 0x01000001, len: 32 })
    expect(parseIpPrefix('2001:db8::1')).toMatchObject({ family: 6, len: 128 })
  })
  it('clears host bits below the prefix', () => {
    expect(parseIpPrefix('10.1.2.3/8')).toEqual({ family: 4, addr: 0x0a000000, len: 8 })
    expect(parseIpPrefix('fe80::1/10')).toEqual({ family: 6, addr: parseIpv6('fe80::'), len: 10 })
    expect(parseIpPrefix('2001:db8:ffff::/35')).toEqual({ family: 6, addr: parseIpv6('2001:db8:e000::'), len: 35 })
    expect(parseIpPrefix('0.0.0.0/0')).toEqual({ family: 4, addr: 0, len: 0 })
  })
  it.each(['10.0.0.0/33', '10.0.0.0/', '10.0.0.0/08', '::/129', '10.0.0.0/8/8', 'example.com'])('refuses %j', (s) =>
    expect(parseIpPrefix(s)).toBeUndefined(),
  )
})

describe('prefix keys', () => {
  it('agree for addresses in the same network and differ outside it', () => {
    const a = parseIpv4('172.16.0.1') as number
    const b = parseIpv4('172.31.255.255') as number
    const c = parseIpv4('172.32.0.0') as number
    expect(v4Key(a, 12)).toBe(v4Key(b, 12))
    expect(v4Key(a, 12)).not.toBe(v4Key(c, 12))
    expect(v4Key(a, 0)).toBe(v4Key(c, 0))
    expect(v4Key(0xffffffff, 32)).toBe(-1)
    const x = parseIpv6('fe80::1') as string
    const y = parseIpv6('febf:ffff::') as string
    const z = parseIpv6('fec0::') as string
    expect(v6Key(x, 10)).toBe(v6Key(y, 10))
    expect(v6Key(x, 10)).not.toBe(v6Key(z, 10))
  })
})

import { describe, expect, it } from 'vitest'
import { ipNetwork, networkContains } from './ip.js'

describe('ipNetwork', () => {
  it('reads a single IPv4 address as a /32', () => {
    expect(ipNetwork('198.51.100.7')).toEqual({ version: 4, bytes: Uint8Array.of(198, 51, 100, 7), prefix: 32 })
  })

  it('clears host bits of an IPv4 block', () => {
    expect(ipNetwork('10.1.2.3/8')).toEqual({ version: 4, bytes: Uint8Array.of(10, 0, 0, 0), prefix: 8 })
  })

  it('reads IPv6 addresses and blocks', () => {
    const net = ipNetwork('2001:db8:abcd:12::1/48')
    expect(net.version).toBe(6)
    expect(net.prefix).toBe(48)
    expect([...net.bytes.slice(0, 8)]).toEqual([0x20, 0x01, 0x0d, 0xb8, 0xab, 0xcd, 0, 0])
    expect(ipNetwork('::1').prefix).toBe(128)
  })

  it('throws on bad input, naming the version it tried', () => {
    expect(() => ipNetwork('10.0.0.1/33')).toThrow('ipv4-addr:value')
    expect(() => ipNetwork('2001:db8::/200')).toThrow('ipv6-addr:value')
  })
})

describe('networkContains', () => {
  it.each([
    ['10.0.0.0/8', '10.200.3.4', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.0.0.0/8', '10.1.0.0/16', true],
    ['10.1.0.0/16', '10.0.0.0/8', false],
    ['0.0.0.0/0', '203.0.113.1', true],
    ['198.51.100.7', '198.51.100.7', true],
    ['198.51.100.7', '198.51.100.8', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['::/0', '10.0.0.1', false],
    ['192.168.1.64/26', '192.168.1.127', true],
    ['192.168.1.64/26', '192.168.1.128', false],
  ])('%s contains %s: %s', (outer, inner, expected) => {
    expect(networkContains(ipNetwork(outer), ipNetwork(inner))).toBe(expected)
  })
})

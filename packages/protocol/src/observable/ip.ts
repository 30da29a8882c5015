import { failFor, type Fail } from './errors.js'
import { ipv4ToBytes, readIpv4, readPrefix, splitCidr } from './ipv4.js'
import { maskBytes, readIpv6 } from './ipv6.js'

/** An address or CIDR block as bytes, for containment lookups in the store. */
export interface IpNetwork {
  version: 4 | 6
  /** 4 or 16 bytes, host bits already zero. */
  bytes: Uint8Array
  /** 32 or 128 for a single address. */
  prefix: number
}

/**
 * Reads an IPv4 or IPv6 address or CIDR block (normalised or not; the version is told by
 * ':'). Host bits are cleared. Throws ObservableError.
 */
export function ipNetwork(value: string): IpNetwork {
  const version: 4 | 6 = value.includes(':') ? 6 : 4
  const fail: Fail = failFor(version === 4 ? 'ipv4-addr' : 'ipv6-addr', 'value', value)
  const [addrText, prefixText] = splitCidr(value.trim(), fail)
  const max = version === 4 ? 32 : 128
  const prefix = prefixText === undefined ? max : readPrefix(prefixText, max, fail)
  const inner = addrText.startsWith('[') && addrText.endsWith(']') ? addrText.slice(1, -1) : addrText
  const bytes = version === 4 ? ipv4ToBytes(readIpv4(inner, fail)) : readIpv6(inner, fail)
  return { version, bytes: maskBytes(bytes, prefix), prefix }
}

/** True when `inner` (an address or block) lies inside `outer`, both from ipNetwork. */
export function networkContains(outer: IpNetwork, inner: IpNetwork): boolean {
  if (outer.version !== inner.version || inner.prefix < outer.prefix) return false
  const masked = maskBytes(Uint8Array.from(inner.bytes), outer.prefix)
  return masked.every((b, i) => b === outer.bytes[i])
}

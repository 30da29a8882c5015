import { failFor, type Fail } from './errors.js'

const OCTET = /^(0|[1-9][0-9]{0,2})$/

/**
 * Strict dotted-quad IPv4 (RFC 791 text form as inet_pton accepts it): four decimal
 * octets, no leading zeros (`010` is octal to some parsers and decimal to others, so it
 * is refused rather than guessed), each at most 255.
 */
export function readIpv4(text: string, fail: Fail): number {
  const parts = text.split('.')
  if (parts.length !== 4) fail(`an IPv4 address has 4 dot-separated octets, this has ${parts.length}`)
  let n = 0
  parts.forEach((part, i) => {
    if (part === '') fail(`octet ${i + 1} is empty`)
    if (/^0[0-9]/.test(part)) fail(`octet ${i + 1} (${part}) has a leading zero; octal and zero-padded forms are not accepted`)
    if (!OCTET.test(part)) fail(`octet ${i + 1} (${part}) is not a decimal number`)
    const octet = Number(part)
    if (octet > 255) fail(`octet ${i + 1} (${part}) is greater than 255`)
    n = n * 256 + octet
  })
  return n
}

/** Parses a strict dotted-quad IPv4 address to an unsigned 32-bit number. Throws ObservableError. */
export function parseIpv4(s: string): number {
  return readIpv4(s, failFor('ipv4-addr', 'value', s))
}

export function formatIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff].join('.')
}

export function ipv4ToBytes(n: number): Uint8Array {
  return Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff)
}

/** Reads a CIDR prefix length: decimal, no leading zeros, 0..max. */
export function readPrefix(text: string, max: number, fail: Fail): number {
  if (!/^(0|[1-9][0-9]{0,2})$/.test(text)) fail(`the prefix length '/${text}' is not a decimal number from 0 to ${max}`)
  const prefix = Number(text)
  if (prefix > max) fail(`the prefix length /${prefix} is greater than ${max}`)
  return prefix
}

/** Splits `addr/prefix`; a second '/' is an error. */
export function splitCidr(text: string, fail: Fail): [string, string | undefined] {
  const parts = text.split('/')
  if (parts.length > 2) fail("the value has more than one '/'")
  return [parts[0] ?? '', parts[1]]
}

/**
 * ipv4-addr:value. A CIDR block is reduced to its network address ('10.1.2.3/8' →
 * '10.0.0.0/8') so that one network has one key; '/32' is the host itself.
 */
export function normaliseIpv4(value: string): string {
  const fail: Fail = failFor('ipv4-addr', 'value', value)
  const [addrText, prefixText] = splitCidr(value, fail)
  const addr = readIpv4(addrText, fail)
  if (prefixText === undefined) return formatIpv4(addr)
  const prefix = readPrefix(prefixText, 32, fail)
  if (prefix === 32) return formatIpv4(addr)
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0
  return `${formatIpv4((addr & mask) >>> 0)}/${prefix}`
}

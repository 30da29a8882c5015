import { failFor, type Fail } from './errors.js'
import { readIpv4, readPrefix, splitCidr } from './ipv4.js'

const GROUP = /^[0-9a-fA-F]{1,4}$/

function readGroups(part: string, v4TailAllowed: boolean, fail: Fail): number[] {
  if (part === '') return []
  const fields = part.split(':')
  const groups: number[] = []
  fields.forEach((field, i) => {
    if (field.includes('.')) {
      // RFC 4291 §2.2 form 3: dotted decimal only in the low-order 32 bits.
      if (!v4TailAllowed || i !== fields.length - 1) fail('an embedded IPv4 address may only stand in the last 32 bits')
      const v4 = readIpv4(field, (p) => fail(`embedded IPv4 address: ${p}`))
      groups.push(v4 >>> 16, v4 & 0xffff)
    } else if (field === '') {
      fail("the address has an empty group (a lone ':' at the start or end, or ':::')")
    } else if (!GROUP.test(field)) {
      fail(`group '${field}' is not 1 to 4 hexadecimal digits`)
    } else {
      groups.push(parseInt(field, 16))
    }
  })
  return groups
}

/**
 * Reads every text form of RFC 4291 §2.2 (full, '::'-compressed, embedded IPv4) into 16
 * bytes. Zone indices (RFC 4007 '%eth0') are refused: they are local to one host.
 */
export function readIpv6(text: string, fail: Fail): Uint8Array {
  if (text.includes('%')) fail("zone indices ('%…') are not accepted")
  if (!text.includes(':')) fail("an IPv6 address contains ':'")
  const halves = text.split('::')
  if (halves.length > 2) fail("'::' appears more than once")
  let groups: number[]
  if (halves.length === 2) {
    const head = readGroups(halves[0] ?? '', false, fail)
    const tail = readGroups(halves[1] ?? '', true, fail)
    if (head.length + tail.length > 7) fail("'::' must stand for at least one zero group, but 8 groups are already given")
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail]
  } else {
    groups = readGroups(text, true, fail)
    if (groups.length !== 8) fail(`the address has ${groups.length} groups of 16 bits; 8 are needed, or '::'`)
  }
  const bytes = new Uint8Array(16)
  groups.forEach((g, i) => {
    bytes[i * 2] = g >>> 8
    bytes[i * 2 + 1] = g & 0xff
  })
  return bytes
}

/** Parses any RFC 4291 text form of an IPv6 address to 16 bytes. Throws ObservableError. */
export function parseIpv6(s: string): Uint8Array {
  const inner = s.startsWith('[') && s.endsWith(']') ? s.slice(1, -1) : s
  return readIpv6(inner, failFor('ipv6-addr', 'value', s))
}

function isIpv4Mapped(g: number[]): boolean {
  return g[0] === 0 && g[1] === 0 && g[2] === 0 && g[3] === 0 && g[4] === 0 && g[5] === 0xffff
}

/**
 * RFC 5952 §4 canonical text: lower-case hex without leading zeros, the longest run of
 * two or more zero groups compressed to '::' (the first on a tie, §4.2.3), a single zero
 * group written as '0' (§4.2.2). IPv4-mapped addresses (::ffff:0:0/96) use the mixed
 * notation that §5 recommends: '::ffff:192.0.2.1'.
 */
export function formatIpv6(bytes: Uint8Array): string {
  const g: number[] = []
  for (let i = 0; i < 8; i++) g.push(((bytes[i * 2] ?? 0) << 8) | (bytes[i * 2 + 1] ?? 0))
  if (isIpv4Mapped(g)) {
    return `::ffff:${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`
  }
  let bestStart = -1
  let bestLen = 1
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++
      continue
    }
    let j = i
    while (j < 8 && g[j] === 0) j++
    if (j - i > bestLen) {
      bestStart = i
      bestLen = j - i
    }
    i = j
  }
  const hex = g.map((x) => x.toString(16))
  if (bestStart < 0) return hex.join(':')
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`
}

/** Sets every bit after the first `prefix` bits to zero, in place. */
export function maskBytes(bytes: Uint8Array, prefix: number): Uint8Array {
  for (let i = 0; i < bytes.length; i++) {
    const keep = Math.max(0, Math.min(8, prefix - i * 8))
    bytes[i] = (bytes[i] ?? 0) & ((0xff << (8 - keep)) & 0xff)
  }
  return bytes
}

/**
 * ipv6-addr:value in RFC 5952 form. Square brackets around the whole value (as in URLs
 * and logs) are removed. A CIDR block is reduced to its network address; '/128' is the
 * host itself.
 */
export function normaliseIpv6(value: string): string {
  const fail: Fail = failFor('ipv6-addr', 'value', value)
  const [addrText, prefixText] = splitCidr(value, fail)
  const inner = addrText.startsWith('[') && addrText.endsWith(']') ? addrText.slice(1, -1) : addrText
  const bytes = readIpv6(inner, fail)
  if (prefixText === undefined) return formatIpv6(bytes)
  const prefix = readPrefix(prefixText, 128, fail)
  if (prefix === 128) return formatIpv6(bytes)
  return `${formatIpv6(maskBytes(bytes, prefix))}/${prefix}`
}

/**
 * Minimal, allocation-light IP parsing for the warninglist index. IPv4 addresses are
 * uint32 numbers; IPv6 addresses are 8-character strings (one UTF-16 code unit per
 * 16-bit group), so a prefix of any length becomes a short string key with no BigInt.
 * Parsers return `undefined` instead of throwing: most values tried are not addresses.
 */

/** Dotted quad, decimal octets without leading zeros (RFC 6943 §3.1.1: `010` is ambiguous). */
export function parseIpv4(s: string): number | undefined {
  let n = 0
  let part = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 46) {
      if (digits === 0 || ++dots > 3) return undefined
      n = n * 256 + part
      part = 0
      digits = 0
      continue
    }
    if (c < 48 || c > 57) return undefined
    if (digits > 0 && part === 0) return undefined
    part = part * 10 + (c - 48)
    if (++digits > 3 || part > 255) return undefined
  }
  if (dots !== 3 || digits === 0) return undefined
  return n * 256 + part
}

const groups = new Uint16Array(8)

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48
  const l = c | 0x20
  return l >= 97 && l <= 102 ? l - 87 : -1
}

/**
 * RFC 4291 §2.2 text forms (with `::` and an IPv4 tail); no zone ids. Returns the
 * address as a string of 8 UTF-16 code units, one per 16-bit group: a compact,
 * hashable form whose prefixes are prefixes of the address. One pass, no split.
 */
export function parseIpv6(s: string): string | undefined {
  const len = s.length
  if (len < 2 || len > 45) return undefined
  let n = 0
  let gap = -1
  let i = 0
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return undefined
    gap = 0
    i = 2
  }
  while (i < len) {
    const start = i
    let value = 0
    for (let h = hexValue(s.charCodeAt(i)); h >= 0 && i - start < 5; h = hexValue(s.charCodeAt(++i))) {
      value = value * 16 + h
    }
    if (s.charCodeAt(i) === 46) {
      // An IPv4 tail fills the last two groups (RFC 4291 §2.2 form 3).
      const v4 = parseIpv4(s.slice(start))
      if (v4 === undefined || n > 6) return undefined
      groups[n++] = Math.floor(v4 / 65536)
      groups[n++] = v4 % 65536
      i = len
      break
    }
    if (i === start || i - start > 4 || n === 8) return undefined
    groups[n++] = value
    if (i === len) break
    if (s.charCodeAt(i) !== 58) return undefined
    if (s.charCodeAt(++i) === 58) {
      if (gap !== -1) return undefined
      gap = n
      i++
    } else if (i === len) return undefined
  }
  if (gap === -1) {
    if (n !== 8) return undefined
  } else {
    if (n > 7) return undefined
    const tail = n - gap
    for (let k = 0; k < tail; k++) groups[7 - k] = groups[n - 1 - k] as number
    for (let k = gap; k < 8 - tail; k++) groups[k] = 0
  }
  const g = groups
  return String.fromCharCode(g[0] ?? 0, g[1] ?? 0, g[2] ?? 0, g[3] ?? 0, g[4] ?? 0, g[5] ?? 0, g[6] ?? 0, g[7] ?? 0)
}

/** Hex text of an address from `parseIpv6`, for messages and tests. */
export function ipv6Hex(addr: string): string {
  let out = ''
  for (let i = 0; i < addr.length; i++) out += addr.charCodeAt(i).toString(16).padStart(4, '0')
  return out
}

/** An address or a prefix. `addr` has its host bits cleared. */
export type IpPrefix = { family: 4; addr: number; len: number } | { family: 6; addr: string; len: number }

function parseLength(s: string, max: number): number | undefined {
  if (s.length === 0 || s.length > 3 || (s.length > 1 && s.charCodeAt(0) === 48)) return undefined
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return undefined
    n = n * 10 + (c - 48)
  }
  return n <= max ? n : undefined
}

/**
 * `a.b.c.d`, `a.b.c.d/n`, an IPv6 address, or `addr/n`. A bare address is a host
 * prefix (/32 or /128): MISP's public-dns lists hold bare addresses in `cidr` lists.
 * Host bits below the prefix are cleared rather than refused, as MISP does.
 */
export function parseIpPrefix(s: string): IpPrefix | undefined {
  const slash = s.indexOf('/')
  const addrText = slash === -1 ? s : s.slice(0, slash)
  const v4 = parseIpv4(addrText)
  if (v4 !== undefined) {
    const len = slash === -1 ? 32 : parseLength(s.slice(slash + 1), 32)
    if (len === undefined) return undefined
    return { family: 4, addr: len === 0 ? 0 : (v4 - (v4 % 2 ** (32 - len))), len }
  }
  const v6 = parseIpv6(addrText)
  if (v6 === undefined) return undefined
  const len = slash === -1 ? 128 : parseLength(s.slice(slash + 1), 128)
  if (len === undefined) return undefined
  return { family: 6, addr: v6Key(v6, len).padEnd(8, '\u0000'), len }
}

/**
 * The network bits of an IPv4 address at prefix length `len`, as an int32 so that V8
 * keeps Map keys as small integers (an unsigned /32 key above 2^31 would be a heap number).
 */
export function v4Key(addr: number, len: number): number {
  // `>>> 32` is `>>> 0` in JavaScript, so /0 needs its own case.
  return len === 0 ? 0 : (addr >>> (32 - len)) | 0
}

/** The network bits of an IPv6 address (from `parseIpv6`) at prefix length `len`, as a string. */
export function v6Key(addr: string, len: number): string {
  const whole = len >> 4
  const rest = len & 15
  if (rest === 0) return addr.slice(0, whole)
  return addr.slice(0, whole) + String.fromCharCode(addr.charCodeAt(whole) & (0xffff << (16 - rest)) & 0xffff)
}

/**
 * RFC 3986 §6.2.2 syntax-based normalisation of one URL component: percent-encoded
 * octets get upper-case hex (§6.2.2.1), encoded unreserved characters are decoded
 * (§6.2.2.2), and characters a component may not hold (space, '"', '<', non-ASCII, …)
 * are percent-encoded as UTF-8, as a browser does before sending the request. A '%'
 * that does not start an encoded octet is itself encoded ('%25').
 */

const UNRESERVED = /^[A-Za-z0-9\-._~]$/
// RFC 3986 §3.3 pchar = unreserved / pct-encoded / sub-delims / ":" / "@"
export const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/]$/
// §3.4 query = *( pchar / "/" / "?" )
export const QUERY_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/?]$/
// §3.2.1 userinfo = *( unreserved / pct-encoded / sub-delims / ":" )
export const USERINFO_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:]$/

const HEX = '0123456789ABCDEF'

function encodeByte(b: number): string {
  return `%${HEX[b >> 4]}${HEX[b & 15]}`
}

function encodeCodePoint(cp: number): string {
  if (cp < 0x80) return encodeByte(cp)
  if (cp < 0x800) return encodeByte(0xc0 | (cp >> 6)) + encodeByte(0x80 | (cp & 63))
  if (cp < 0x10000) {
    return encodeByte(0xe0 | (cp >> 12)) + encodeByte(0x80 | ((cp >> 6) & 63)) + encodeByte(0x80 | (cp & 63))
  }
  return (
    encodeByte(0xf0 | (cp >> 18)) +
    encodeByte(0x80 | ((cp >> 12) & 63)) +
    encodeByte(0x80 | ((cp >> 6) & 63)) +
    encodeByte(0x80 | (cp & 63))
  )
}

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/

export function normalisePercentEncoding(text: string, allowed: RegExp): string {
  let out = ''
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 0x25) {
      const pair = text.slice(i + 1, i + 3)
      if (HEX_PAIR.test(pair)) {
        const decoded = String.fromCharCode(parseInt(pair, 16))
        out += UNRESERVED.test(decoded) ? decoded : `%${pair.toUpperCase()}`
        i += 3
      } else {
        out += '%25'
        i += 1
      }
      continue
    }
    const cp = text.codePointAt(i) ?? c
    const ch = String.fromCodePoint(cp)
    out += cp < 0x80 && allowed.test(ch) ? ch : encodeCodePoint(cp)
    i += ch.length
  }
  return out
}

function dropLastSegment(output: string): string {
  const slash = output.lastIndexOf('/')
  return slash < 0 ? '' : output.slice(0, slash)
}

/**
 * RFC 3986 §5.2.4 remove_dot_segments. Empty segments ('//') are kept: they are part of
 * the path the server sees, and real indicators differ only by them.
 */
export function removeDotSegments(path: string): string {
  let input = path
  let output = ''
  while (input !== '') {
    if (input.startsWith('../')) input = input.slice(3)
    else if (input.startsWith('./')) input = input.slice(2)
    else if (input.startsWith('/./')) input = input.slice(2)
    else if (input === '/.') input = '/'
    else if (input.startsWith('/../')) {
      input = input.slice(3)
      output = dropLastSegment(output)
    } else if (input === '/..') {
      input = '/'
      output = dropLastSegment(output)
    } else if (input === '.' || input === '..') input = ''
    else {
      const next = input.indexOf('/', input.startsWith('/') ? 1 : 0)
      const end = next < 0 ? input.length : next
      output += input.slice(0, end)
      input = input.slice(end)
    }
  }
  return output
}

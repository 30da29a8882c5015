import { failFor, type Fail } from './errors.js'
import { asciiHost } from './domain.js'
import { formatIpv6, readIpv6 } from './ipv6.js'
import { normalisePercentEncoding, PATH_CHARS, QUERY_CHARS, removeDotSegments, USERINFO_CHARS } from './percent.js'

/** WHATWG "special" schemes and their default ports (RFC 7230 §2.7.3, RFC 959, RFC 6455). */
const DEFAULT_PORTS: Readonly<Record<string, number | undefined>> = { http: 80, https: 443, ftp: 21, ws: 80, wss: 443 }
const SPECIAL = new Set(['http', 'https', 'ftp', 'ws', 'wss', 'file'])

const SCHEME_WITH_AUTHORITY = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//
const SCHEME_ONLY = /^([A-Za-z][A-Za-z0-9+.-]*):(.?)/s

interface Parts {
  scheme: string
  rest: string
  schemeless: boolean
}

function splitScheme(value: string, fail: Fail): Parts | { opaque: string } {
  const withAuthority = SCHEME_WITH_AUTHORITY.exec(value)
  if (withAuthority) {
    const scheme = (withAuthority[1] ?? '').toLowerCase()
    return { scheme, rest: value.slice(withAuthority[0].length), schemeless: false }
  }
  const only = SCHEME_ONLY.exec(value)
  // 'example.com:8080/x' and 'localhost:80' are host:port, not a scheme.
  if (only && !(only[1] ?? '').includes('.') && !/[0-9]/.test(only[2] ?? '')) {
    const scheme = (only[1] ?? '').toLowerCase()
    if (SPECIAL.has(scheme)) fail(`a ${scheme} URL needs '//' after '${scheme}:'`)
    // RFC 3986 §3: a URI without authority ('mailto:', 'data:'); only case and
    // percent-encoding are normalised.
    const body = value.slice(scheme.length + 1).split('#')[0] ?? ''
    if (body === '') fail(`nothing follows '${scheme}:'`)
    return { opaque: `${scheme}:${normalisePercentEncoding(body, QUERY_CHARS)}` }
  }
  return { scheme: 'http', rest: value, schemeless: true }
}

function normaliseHostPort(hostPort: string, scheme: string, schemeless: boolean, fail: Fail): string {
  let host: string
  let portText: string | undefined
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']')
    if (close < 0) fail("the IPv6 host has no closing ']'")
    const after = hostPort.slice(close + 1)
    if (after !== '' && !after.startsWith(':')) fail("only ':port' may follow an IPv6 host")
    host = `[${formatIpv6(readIpv6(hostPort.slice(1, close), (p) => fail(`IPv6 host: ${p}`)))}]`
    portText = after === '' ? undefined : after.slice(1)
  } else {
    const colon = hostPort.indexOf(':')
    const hostText = colon < 0 ? hostPort : hostPort.slice(0, colon)
    portText = colon < 0 ? undefined : hostPort.slice(colon + 1)
    if (hostText === '') {
      if (scheme === 'file' && portText === undefined) return ''
      fail('the URL has no host')
    }
    host = asciiHost(hostText, (p) => fail(`host: ${p}`), { allowIpv4: true, allowPercent: true })
    if (schemeless && !host.includes('.')) fail('without a scheme, the host must be a domain with a dot or an IP address')
  }
  // RFC 3986 §6.2.3: an empty port and the scheme's default port are both omitted.
  if (portText === undefined || portText === '') return host
  if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) fail(`the port '${portText}' is not a number from 0 to 65535`)
  const port = Number(portText)
  return port === DEFAULT_PORTS[scheme] ? host : `${host}:${port}`
}

/**
 * url:value, by RFC 3986 §6.2.2–6.2.3 (docs/protocol.md §8): scheme and host
 * lower-case, IDN host as punycode, default port removed, empty path '/', dot segments
 * resolved, percent-encoding normalised, query order and '+' kept, fragment dropped.
 * A value without a scheme is read as 'http://'.
 */
export function normaliseUrl(value: string): string {
  const fail: Fail = failFor('url', 'value', value)
  const split = splitScheme(value, fail)
  if ('opaque' in split) return split.opaque
  const { scheme, schemeless } = split
  const special = SPECIAL.has(scheme)
  const rest = split.rest.split('#')[0] ?? ''
  const authorityEnd = rest.search(special ? /[/?\\]/ : /[/?]/)
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd)
  const tail = authorityEnd < 0 ? '' : rest.slice(authorityEnd)

  const at = authority.lastIndexOf('@')
  const userinfo = at < 0 ? '' : authority.slice(0, at)
  if (schemeless && at >= 0) fail("a value without a scheme may not contain '@' before its host (is it an e-mail address?)")
  const hostPort = normaliseHostPort(authority.slice(at + 1), scheme, schemeless, fail)

  const q = tail.indexOf('?')
  // WHATWG: in special schemes a backslash in the path is a path separator.
  const rawPath = (q < 0 ? tail : tail.slice(0, q)).replace(special ? /\\/g : /(?!)/g, '/')
  const path = removeDotSegments(normalisePercentEncoding(rawPath === '' ? '/' : rawPath, PATH_CHARS))
  const query = q < 0 ? '' : `?${normalisePercentEncoding(tail.slice(q + 1), QUERY_CHARS)}`
  const user = userinfo === '' ? '' : `${normalisePercentEncoding(userinfo, USERINFO_CHARS)}@`
  return `${scheme}://${user}${hostPort}${path === '' ? '/' : path}${query}`
}

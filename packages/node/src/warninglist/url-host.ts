const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/

/**
 * The host of a URL (RFC 3986 §3.2.2), lower-case, without brackets, port, user info
 * or a trailing root dot. MISP `url` attributes are often written without a scheme
 * (`evil.example/path`), so a value without `scheme://` is read as starting with the
 * authority. Returns undefined when there is no host.
 */
export function hostOfUrl(url: string): string | undefined {
  const sep = url.indexOf('://')
  const start = sep !== -1 && SCHEME.test(url.slice(0, sep)) ? sep + 3 : 0
  let end = url.length
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i)
    if (c === 47 || c === 63 || c === 35) {
      end = i
      break
    }
  }
  let host = url.slice(start, end)
  const at = host.lastIndexOf('@')
  if (at !== -1) host = host.slice(at + 1)
  if (host.startsWith('[')) {
    const close = host.indexOf(']')
    return close > 1 ? host.slice(1, close).toLowerCase() : undefined
  }
  const colon = host.lastIndexOf(':')
  if (colon !== -1) host = host.slice(0, colon)
  if (host.endsWith('.')) host = host.slice(0, -1)
  return host.length > 0 ? host.toLowerCase() : undefined
}

import { failFor, type Fail } from './errors.js'
import { MAX_DOMAIN_LENGTH, MAX_LABEL_LENGTH } from './limits.js'

// ASCII characters a host name may contain before IDNA processing. Underscore is not
// LDH, but is common in real DNS names (SRV-style labels, abused subdomains).
const ASCII_HOST_CHAR = /[A-Za-z0-9._-]/
const A_LABEL = /^[a-z0-9_-]+$/
const DOTTED_QUAD = /^\d+\.\d+\.\d+\.\d+$/
// WHATWG URL "ends in a number": such a host is read as an IPv4 address.
const NUMERIC_LABEL = /^(\d+|0x[0-9a-f]*)$/i

function lastLabel(host: string): string {
  const labels = host.split('.')
  return labels[labels.length - 1] ?? ''
}

/**
 * Turns a host name into its ASCII form with the WHATWG URL host parser (UTS 46
 * mapping, non-transitional, so 'ß' stays 'ß'; lower-case; U-labels → punycode
 * A-labels), then checks the result against DNS rules itself, because the URL parser
 * accepts far more than DNS does (empty labels, '*', overlong labels).
 *
 * With `allowIpv4`, a host that ends in a number is left to the URL parser's IPv4 rules
 * (so 'http://0x7f.1/' is 127.0.0.1, as a browser reads it) and its dotted-quad result is
 * returned; without it, such a host is refused as an IP address.
 */
export function asciiHost(text: string, fail: Fail, options: { allowIpv4: boolean; allowPercent: boolean }): string {
  const host = text.endsWith('.') ? text.slice(0, -1) : text
  if (host === '') fail('the domain name is empty')
  for (const ch of host) {
    if (ch.charCodeAt(0) >= 0x80) continue
    if (ASCII_HOST_CHAR.test(ch) || (options.allowPercent && ch === '%')) continue
    fail(`the character '${ch}' is not allowed in a domain name`)
  }
  if (!options.allowIpv4 && NUMERIC_LABEL.test(lastLabel(host))) {
    fail('the last label is a number, so this is an IP address, not a domain name')
  }
  let ascii: string
  try {
    ascii = new URL(`http://${host}/`).hostname
  } catch {
    return fail('the name is not a valid (internationalised) domain name: IDNA processing failed')
  }
  if (DOTTED_QUAD.test(ascii)) {
    if (options.allowIpv4) return ascii
    fail('this is an IP address, not a domain name')
  }
  checkDnsName(ascii, fail)
  return ascii
}

/** RFC 1035 §2.3.4 lengths and the label alphabet (LDH plus '_'), on an A-label name. */
function checkDnsName(ascii: string, fail: Fail): void {
  if (ascii.length > MAX_DOMAIN_LENGTH) {
    fail(`the name is ${ascii.length} characters long in ASCII form; the limit is ${MAX_DOMAIN_LENGTH}`)
  }
  ascii.split('.').forEach((label, i) => {
    if (label === '') fail(`label ${i + 1} is empty`)
    if (label.length > MAX_LABEL_LENGTH) {
      fail(`label ${i + 1} is ${label.length} characters long in ASCII form; the limit is ${MAX_LABEL_LENGTH}`)
    }
    if (!A_LABEL.test(label)) fail(`label ${i + 1} ('${label}') has characters other than letters, digits, '-' and '_'`)
  })
}

/**
 * domain-name:value: trimmed, one trailing dot removed, lower-case, IDN as punycode
 * A-labels. IP addresses are refused: they belong in ipv4-addr / ipv6-addr.
 */
export function normaliseDomain(value: string): string {
  const fail: Fail = failFor('domain-name', 'value', value)
  if (value.includes(':') || value.startsWith('[')) fail('this looks like an IPv6 address or host:port, not a domain name')
  return asciiHost(value, fail, { allowIpv4: false, allowPercent: false })
}

/**
 * The ancestors of a normalised domain name, nearest first, without the bare top-level
 * label: 'a.b.example.com' → ['b.example.com', 'example.com']. The store uses these to
 * answer "is this a subdomain of an indicated domain". The input is not re-validated.
 */
export function parentDomains(d: string): string[] {
  const labels = d.split('.')
  const parents: string[] = []
  for (let i = 1; i < labels.length - 1; i++) parents.push(labels.slice(i).join('.'))
  return parents
}

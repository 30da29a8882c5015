import { ObservableError } from './errors.js'
import type { Observable } from './types.js'

/** STIX 2.1 patterning §9.1: a string literal escapes only '\' and "'". */
export function quotePatternString(value: string): string {
  return `'${value.replace(/[\\']/g, (c) => `\\${c}`)}'`
}

// Grammar (STIXPattern.g4): path components after the first are an identifier without
// hyphen or a quoted string, so 'SHA-256' must be quoted and MD5 need not be.
const PLAIN_COMPONENT = /^[a-zA-Z_][a-zA-Z0-9_]*$/

function objectPath(o: Observable): string {
  const [first = '', ...rest] = o.property.startsWith('hashes.') ? ['hashes', o.property.slice(7)] : [o.property]
  return [first, ...rest.map((c) => (PLAIN_COMPONENT.test(c) ? c : quotePatternString(c)))].join('.')
}

/** One comparison expression: `ipv4-addr:value = '10.0.0.0/8'`. */
export function comparisonFor(o: Observable): string {
  return `${o.type}:${objectPath(o)} = ${quotePatternString(o.value)}`
}

/**
 * A STIX pattern matching any of the observables: one observation expression (bracket)
 * per type, comparisons of one type joined with OR inside it, brackets joined with OR.
 * Duplicates (same key) appear once; order is first appearance.
 */
export function buildPattern(o: Observable | Observable[]): string {
  const list = Array.isArray(o) ? o : [o]
  if (list.length === 0) {
    throw new ObservableError({ code: 'empty', type: '', property: '', problem: 'no observable', message: 'buildPattern needs at least one observable' })
  }
  const byType = new Map<string, Map<string, string>>()
  for (const item of list) {
    const comparisons = byType.get(item.type) ?? new Map<string, string>()
    byType.set(item.type, comparisons)
    if (!comparisons.has(item.key)) comparisons.set(item.key, comparisonFor(item))
  }
  return [...byType.values()].map((c) => `[${[...c.values()].join(' OR ')}]`).join(' OR ')
}

const LABELS: Readonly<Record<string, string>> = {
  'ipv4-addr': 'IPv4',
  'ipv6-addr': 'IPv6',
  'domain-name': 'Domain',
  url: 'URL',
  'email-addr': 'E-mail',
  'windows-registry-key': 'Registry key',
  'x509-certificate': 'X.509 certificate',
  file: 'File',
}

const MAX_NAME_VALUE = 200

/**
 * A short human name for an indicator made from one observable: 'IPv4 198.51.100.7',
 * 'File SHA-256 ab12…', 'X.509 certificate serial_number 0e97…'. Long values are cut.
 */
export function indicatorNameFor(o: Observable): string {
  const label = LABELS[o.type] ?? o.type
  const qualifier = o.property.startsWith('hashes.') ? ` ${o.property.slice(7)}` : o.type === 'x509-certificate' ? ` ${o.property}` : ''
  const value = o.value.length > MAX_NAME_VALUE ? `${o.value.slice(0, MAX_NAME_VALUE)}…` : o.value
  return `${label}${qualifier} ${value}`
}

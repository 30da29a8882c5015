/**
 * Which object paths name an observable a CERT matches on, and as what
 * (observable type, property). Shared by extraction and the dedup key.
 *
 * Supported paths (anything else is ignored, not an error):
 *   ipv4-addr:value  ipv6-addr:value  domain-name:value  url:value  email-addr:value
 *   email-message:{from_ref,sender_ref}.value, {to_refs,cc_refs,bcc_refs}[i|*].value → email-addr
 *   file:hashes.<alg>   x509-certificate:hashes.<alg> | serial_number | subject | issuer
 *   network-traffic:{src_ref,dst_ref}.value → ipv4-addr, ipv6-addr or domain-name by shape
 *   windows-registry-key:key
 */
import type { ObservableType } from '../observable/types.js'
import type { ObjectPath } from './ast.js'

/** A comparison's target is one of the observable types the normaliser knows. */
export type TargetType = ObservableType

export interface Target {
  /** `address` means ipv4-addr, ipv6-addr or domain-name, decided by the value (`addressType`). */
  readonly type: TargetType | 'address'
  /** `value`, `key`, `serial_number`, `subject`, `issuer` or `hashes.<algorithm as written>`. */
  readonly property: string
}

const VALUE_TYPES: ReadonlySet<string> = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr'])
const EMAIL_SINGLE_REFS: ReadonlySet<string> = new Set(['from_ref', 'sender_ref'])
const EMAIL_LIST_REFS: ReadonlySet<string> = new Set(['to_refs', 'cc_refs', 'bcc_refs'])
const ADDRESS_REFS: ReadonlySet<string> = new Set(['src_ref', 'dst_ref'])
const X509_PROPERTIES: ReadonlySet<string> = new Set(['serial_number', 'subject', 'issuer'])

/** The observable a path names, or `undefined` for an unsupported path. */
export function targetOf(path: ObjectPath): Target | undefined {
  const steps = path.steps
  const [a, b, c] = steps
  const key = (i: number): string | undefined => {
    const s = steps[i]
    return s?.kind === 'key' ? s.name : undefined
  }
  const type = path.objectType
  if (steps.length === 1 && a?.kind === 'key') {
    if (VALUE_TYPES.has(type) && a.name === 'value') return { type: type as TargetType, property: 'value' }
    if (type === 'windows-registry-key' && a.name === 'key') return { type, property: 'key' }
    if (type === 'x509-certificate' && X509_PROPERTIES.has(a.name)) return { type, property: a.name }
    return undefined
  }
  if (steps.length === 2 && key(0) !== undefined && key(1) !== undefined) {
    const [first, second] = [key(0) as string, key(1) as string]
    if ((type === 'file' || type === 'x509-certificate') && first === 'hashes') {
      return { type, property: `hashes.${second}` }
    }
    if (type === 'email-message' && EMAIL_SINGLE_REFS.has(first) && second === 'value') {
      return { type: 'email-addr', property: 'value' }
    }
    if (type === 'network-traffic' && ADDRESS_REFS.has(first) && second === 'value') {
      return { type: 'address', property: 'value' }
    }
    return undefined
  }
  if (steps.length === 3 && type === 'email-message' && a?.kind === 'key' && EMAIL_LIST_REFS.has(a.name)) {
    if (b?.kind !== 'key' && c?.kind === 'key' && c.name === 'value') return { type: 'email-addr', property: 'value' }
  }
  return undefined
}

/**
 * The address type of a `network-traffic:*_ref.value` constant (STIX 2.1 section
 * 6.12: the reference is to an ipv4-addr, ipv6-addr or domain-name): a `:` means IPv6,
 * dotted digits with an optional `/prefix` mean IPv4, anything else a domain name.
 */
export function addressType(value: string): 'ipv4-addr' | 'ipv6-addr' | 'domain-name' {
  const v = value.trim()
  if (v.includes(':')) return 'ipv6-addr'
  if (/^[0-9.]+(\/[0-9]+)?$/.test(v)) return 'ipv4-addr'
  return 'domain-name'
}

/** True when an ISSUBSET comparison on this target is a CIDR block of observables. */
export function isIpTarget(target: Target, value: string): boolean {
  const type = target.type === 'address' ? addressType(value) : target.type
  return type === 'ipv4-addr' || type === 'ipv6-addr'
}

import type { Warninglist, WarninglistObservableType, WarninglistType } from './types.js'

/**
 * MISP attribute types (the vocabulary of `matching_attributes`) that correspond to
 * each certmesh observable type. Composite MISP types count for each half they carry:
 * `domain|ip` for domains and IPs, `filename|sha256` for SHA-256 hashes and file names.
 */
const IP = ['ip-src', 'ip-dst', 'ip-src|port', 'ip-dst|port', 'domain|ip']
const DOMAIN = ['domain', 'hostname', 'domain|ip', 'hostname|port']
const URL = ['url', 'uri']
const EMAIL = [
  'email',
  'email-src',
  'email-dst',
  'target-email',
  'email-reply-to',
  'whois-registrant-email',
  'dns-soa-email',
]

/** STIX hash algorithm (upper-cased, `-` and `_` removed) → MISP attribute types. */
const HASH: Readonly<Record<string, readonly string[]>> = {
  MD5: ['md5', 'filename|md5', 'malware-sample'],
  SHA1: ['sha1', 'filename|sha1'],
  SHA224: ['sha224', 'filename|sha224'],
  SHA256: ['sha256', 'filename|sha256'],
  SHA384: ['sha384', 'filename|sha384'],
  SHA512: ['sha512', 'filename|sha512'],
  SHA3224: ['sha3-224'],
  SHA3256: ['sha3-256'],
  SHA3384: ['sha3-384'],
  SHA3512: ['sha3-512'],
  SSDEEP: ['ssdeep', 'filename|ssdeep'],
  TLSH: ['tlsh', 'filename|tlsh'],
}
const FILE_NAME = ['filename', 'filename|md5', 'filename|sha1', 'filename|sha224', 'filename|sha256', 'filename|sha512']
const ANY_FILE = [...new Set([...Object.values(HASH).flat(), ...FILE_NAME])]

const BY_TYPE: Readonly<Record<WarninglistObservableType, readonly string[]>> = {
  'ipv4-addr': IP,
  'ipv6-addr': IP,
  'domain-name': DOMAIN,
  url: URL,
  'email-addr': EMAIL,
  file: ANY_FILE,
}

/** Observable types each list type can test: a CIDR only holds addresses, a host name only names. */
const TYPE_FITS: Readonly<Record<WarninglistType, readonly WarninglistObservableType[]>> = {
  cidr: ['ipv4-addr', 'ipv6-addr'],
  hostname: ['domain-name', 'url'],
  string: ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file'],
  substring: ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file'],
  regex: ['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file'],
}

export function isWarninglistObservableType(type: string): type is WarninglistObservableType {
  return Object.hasOwn(BY_TYPE, type)
}

/**
 * The MISP attribute types that stand for (`type`, `property`). For `file`, a STIX
 * property such as `hashes.SHA-256` or `hashes.'SHA-256'` narrows the set to that
 * algorithm and `name` to file names; an unknown property leaves all file types.
 */
export function mispAttributesFor(type: WarninglistObservableType, property?: string): readonly string[] {
  if (type !== 'file' || property === undefined) return BY_TYPE[type]
  if (property === 'name') return FILE_NAME
  const algo = property
    .replace(/^hashes\./i, '')
    .replace(/['"_-]/g, '')
    .toUpperCase()
  return HASH[algo] ?? ANY_FILE
}

/** Whether `list` applies to values of (`type`, `property`). */
export function listApplies(list: Warninglist, type: WarninglistObservableType, property?: string): boolean {
  if (!TYPE_FITS[list.type].includes(type)) return false
  const wanted = mispAttributesFor(type, property)
  return list.matchingAttributes.some((a) => wanted.includes(a))
}

/** Whether a list names hosts, so a URL's host (not only the whole URL) is checked against it. */
export function namesHosts(list: Warninglist): boolean {
  return list.type === 'hostname' || list.matchingAttributes.some((a) => DOMAIN.includes(a))
}

/**
 * MISP attribute types → STIX Cyber-observable properties (the table in README.md).
 * MISP types: https://www.misp-project.org/datamodels/#types ; STIX hash names:
 * hash-algorithm-ov (STIX 2.1 §10.7). Types missing here are skipped and counted.
 */
import type { CandidateStixType } from './candidate.js'

export interface StixTarget {
  stixType: CandidateStixType
  property: string
}

/**
 * 'ip': ipv4-addr or ipv6-addr, decided by the value. 'name': the part is a file name,
 * kept as the candidate's name. null: the part is dropped (a port, a registry value).
 */
export type PartRole = StixTarget | 'ip' | 'name' | null

export interface MispTypeRule {
  /** Composite types hold two parts joined by '|': split at the first or the last one. */
  split?: 'first' | 'last'
  /** One role for a plain type, two (left, right) for a composite type. */
  parts: readonly PartRole[]
}

const DOMAIN: StixTarget = { stixType: 'domain-name', property: 'value' }
const URL: StixTarget = { stixType: 'url', property: 'value' }
const EMAIL: StixTarget = { stixType: 'email-addr', property: 'value' }
const REGKEY: StixTarget = { stixType: 'windows-registry-key', property: 'key' }
const fileHash = (name: string): StixTarget => ({ stixType: 'file', property: `hashes.${name}` })

/**
 * Hash types with a STIX hash-algorithm-ov name. imphash, authentihash, sha224, sha384,
 * sha512/224, sha512/256 and vhash have none; they are skipped (counted) rather than
 * invented as custom hash keys that no consumer of our feeds would understand.
 */
const HASHES: Record<string, string> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
  'sha3-256': 'SHA3-256',
  'sha3-512': 'SHA3-512',
  ssdeep: 'SSDEEP',
  tlsh: 'TLSH',
}

function buildRules(): Map<string, MispTypeRule> {
  const rules = new Map<string, MispTypeRule>([
    ['ip-src', { parts: ['ip'] }],
    ['ip-dst', { parts: ['ip'] }],
    // The port is the last part; an IPv6 address has ':' but never '|'.
    ['ip-src|port', { split: 'last', parts: ['ip', null] }],
    ['ip-dst|port', { split: 'last', parts: ['ip', null] }],
    ['domain', { parts: [DOMAIN] }],
    ['hostname', { parts: [DOMAIN] }],
    ['hostname|port', { split: 'last', parts: [DOMAIN, null] }],
    ['domain|ip', { split: 'first', parts: [DOMAIN, 'ip'] }],
    ['url', { parts: [URL] }],
    ['email', { parts: [EMAIL] }],
    ['email-src', { parts: [EMAIL] }],
    ['email-dst', { parts: [EMAIL] }],
    ['regkey', { parts: [REGKEY] }],
    // Registry value data may contain '|'; a key name practically never does.
    ['regkey|value', { split: 'first', parts: [REGKEY, null] }],
  ])
  for (const [misp, stix] of Object.entries(HASHES)) {
    rules.set(misp, { parts: [fileHash(stix)] })
    // Windows file names cannot contain '|', hashes never do: split at the last one.
    rules.set(`filename|${misp}`, { split: 'last', parts: ['name', fileHash(stix)] })
  }
  return rules
}

const RULES = buildRules()

/** The rule for a MISP attribute type, or undefined when the type is not imported. */
export function mispTypeRule(type: string): MispTypeRule | undefined {
  return RULES.get(type)
}

/** Every MISP type the parser imports (for documentation and tests). */
export function mappedMispTypes(): string[] {
  return [...RULES.keys()]
}

/** An IP address string → its STIX type; ':' only occurs in IPv6 (RFC 4291 §2.2). */
export function ipStixType(value: string): 'ipv4-addr' | 'ipv6-addr' {
  return value.includes(':') ? 'ipv6-addr' : 'ipv4-addr'
}

export interface MispPart {
  stixType: CandidateStixType
  property: string
  value: string
}

/**
 * Split and map one attribute value. Returns the observable parts and, for
 * filename|hash, the file name; or an error message when a composite value lacks its
 * '|' or a part is empty.
 */
export function mapMispValue(rule: MispTypeRule, type: string, value: string): { parts: MispPart[]; name?: string } | { error: string } {
  let pieces: string[]
  if (rule.split === undefined) {
    pieces = [value.trim()]
  } else {
    const at = rule.split === 'first' ? value.indexOf('|') : value.lastIndexOf('|')
    if (at === -1) return { error: `${type} value has no '|' separator` }
    pieces = [value.slice(0, at).trim(), value.slice(at + 1).trim()]
  }
  const parts: MispPart[] = []
  let name: string | undefined
  for (let k = 0; k < rule.parts.length; k++) {
    const role = rule.parts[k]
    const piece = pieces[k] ?? ''
    if (role === null || role === undefined) continue
    if (piece === '') return { error: `${type} value has an empty ${k === 0 ? 'first' : 'second'} part` }
    if (role === 'name') name = piece
    else if (role === 'ip') parts.push({ stixType: ipStixType(piece), property: 'value', value: piece })
    else parts.push({ stixType: role.stixType, property: role.property, value: piece })
  }
  return name === undefined ? { parts } : { parts, name }
}

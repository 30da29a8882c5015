import { ObservableError, showValue, type ObservableErrorCode } from './errors.js'
import { normaliseObservable } from './normalise.js'
import type { Observable, ObservableType } from './types.js'

interface TypeName {
  /** How the value is described in an error: "'x' is not a valid IPv4 address". */
  what: string
  /** The (type, property) to normalise as, or the reason the value fits none. */
  resolve: (value: string) => [ObservableType, string] | string
}

const FILE_HASH_BY_LENGTH: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' }

function fixed(type: ObservableType, property: string, what: string): TypeName {
  return { what, resolve: () => [type, property] }
}

const fileByLength: TypeName = {
  what: 'MD5, SHA-1, SHA-256 or SHA-512 hash (32, 40, 64 or 128 hexadecimal digits)',
  resolve: (value) => {
    const algorithm = FILE_HASH_BY_LENGTH[value.trim().length]
    return algorithm === undefined ? `it has ${value.trim().length} characters` : ['file', `hashes.${algorithm}`]
  },
}

/** The CLI's TYPE argument: STIX type names and short names, compared case-insensitively. */
const TYPE_NAMES: Readonly<Record<string, TypeName>> = {
  'ipv4-addr': fixed('ipv4-addr', 'value', 'IPv4 address'),
  ipv4: fixed('ipv4-addr', 'value', 'IPv4 address'),
  'ipv6-addr': fixed('ipv6-addr', 'value', 'IPv6 address'),
  ipv6: fixed('ipv6-addr', 'value', 'IPv6 address'),
  ip: {
    what: 'IP address',
    resolve: (value) => (value.includes(':') ? ['ipv6-addr', 'value'] : ['ipv4-addr', 'value']),
  },
  'domain-name': fixed('domain-name', 'value', 'domain name'),
  domain: fixed('domain-name', 'value', 'domain name'),
  url: fixed('url', 'value', 'URL'),
  'email-addr': fixed('email-addr', 'value', 'e-mail address'),
  email: fixed('email-addr', 'value', 'e-mail address'),
  'windows-registry-key': fixed('windows-registry-key', 'key', 'registry key'),
  regkey: fixed('windows-registry-key', 'key', 'registry key'),
  md5: fixed('file', 'hashes.MD5', 'MD5 hash (32 hexadecimal digits)'),
  sha1: fixed('file', 'hashes.SHA-1', 'SHA-1 hash (40 hexadecimal digits)'),
  sha256: fixed('file', 'hashes.SHA-256', 'SHA-256 hash (64 hexadecimal digits)'),
  sha512: fixed('file', 'hashes.SHA-512', 'SHA-512 hash (128 hexadecimal digits)'),
  file: fileByLength,
  hash: fileByLength,
}

export const TYPE_ARGUMENT_NAMES: readonly string[] = Object.keys(TYPE_NAMES)

/**
 * Resolves the CLI's (TYPE, VALUE) pair to a normalised observable. Throws
 * ObservableError: `unsupported-type` for an unknown TYPE, otherwise the normaliser's
 * code, with a message such as "'xyz' is not a valid IPv4 address: …".
 */
export function resolveTypedValue(typeName: string, value: string): Observable {
  const name = String(typeName).trim().toLowerCase()
  const entry = Object.hasOwn(TYPE_NAMES, name) ? TYPE_NAMES[name] : undefined
  if (entry === undefined) {
    throw new ObservableError({
      code: 'unsupported-type',
      type: typeName,
      property: '',
      problem: 'unknown type',
      message: `${showValue(String(typeName))} is not a known observable type; use one of: ${TYPE_ARGUMENT_NAMES.join(', ')}`,
    })
  }
  const resolved = entry.resolve(typeof value === 'string' ? value : '')
  const fail = (code: ObservableErrorCode, type: string, property: string, problem: string): never => {
    throw new ObservableError({ code, type, property, problem, message: `${showValue(String(value))} is not a valid ${entry.what}: ${problem}` })
  }
  if (typeof resolved === 'string') return fail('invalid-value', 'file', 'hashes', resolved)
  const [type, property] = resolved
  try {
    return normaliseObservable(type, property, value)
  } catch (e) {
    if (!(e instanceof ObservableError)) throw e
    return fail(e.code, type, property, e.problem)
  }
}

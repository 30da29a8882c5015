import { ObservableError } from './errors.js'
import { normaliseDomain } from './domain.js'
import { normaliseEmail } from './email.js'
import { normaliseHashProperty } from './hash.js'
import { normaliseIpv4 } from './ipv4.js'
import { normaliseIpv6 } from './ipv6.js'
import { normaliseRegistryKey } from './registry.js'
import { guardValue } from './text.js'
import { isObservableType, makeObservable, OBSERVABLE_TYPES, type Observable, type ObservableType } from './types.js'
import { normaliseUrl } from './url.js'
import { normaliseDistinguishedName, normaliseSerialNumber } from './x509.js'

type Normaliser = (value: string) => string

/** The (type, property) pairs certmesh indexes; 'hashes.*' is handled apart. */
const BY_PROPERTY: Readonly<Record<ObservableType, Readonly<Record<string, Normaliser>>>> = {
  'ipv4-addr': { value: normaliseIpv4 },
  'ipv6-addr': { value: normaliseIpv6 },
  'domain-name': { value: normaliseDomain },
  url: { value: normaliseUrl },
  'email-addr': { value: normaliseEmail },
  file: {},
  'windows-registry-key': { key: normaliseRegistryKey },
  'x509-certificate': {
    serial_number: normaliseSerialNumber,
    subject: normaliseDistinguishedName,
    issuer: normaliseDistinguishedName,
  },
}

const HAS_HASHES = new Set<ObservableType>(['file', 'x509-certificate'])

/** The properties of a type that normaliseObservable accepts, for messages and docs. */
export function supportedProperties(type: ObservableType): string[] {
  const names = Object.keys(BY_PROPERTY[type])
  return HAS_HASHES.has(type) ? ['hashes.*', ...names] : names
}

/** True when normaliseObservable knows this (type, property), whatever the value. */
export function isSupportedProperty(type: string, property: string): boolean {
  if (!isObservableType(type)) return false
  if (HAS_HASHES.has(type) && property.startsWith('hashes.')) return true
  return Object.hasOwn(BY_PROPERTY[type], property)
}

/**
 * Normalises one observable for matching and dedup (docs/protocol.md §8). `property` is
 * the object path of a STIX pattern comparison ('value', 'key', "hashes.'SHA-256'").
 * Throws ObservableError with a stable `code`.
 */
export function normaliseObservable(type: string, property: string, value: string): Observable {
  if (!isObservableType(type)) {
    throw new ObservableError({
      code: 'unsupported-type',
      type,
      property,
      problem: `'${type}' is not a supported observable type (supported: ${OBSERVABLE_TYPES.join(', ')})`,
    })
  }
  const isHash = HAS_HASHES.has(type) && property.startsWith('hashes.')
  const normaliser = Object.hasOwn(BY_PROPERTY[type], property) ? BY_PROPERTY[type][property] : undefined
  if (!isHash && normaliser === undefined) {
    throw new ObservableError({
      code: 'unsupported-property',
      type,
      property,
      problem: `'${property}' is not a supported property of ${type} (supported: ${supportedProperties(type).join(', ')})`,
    })
  }
  const trimmed = guardValue(type, property, value)
  if (isHash || normaliser === undefined) {
    const hash = normaliseHashProperty(type, property, trimmed)
    return makeObservable(type, hash.property, hash.value)
  }
  return makeObservable(type, property, normaliser(trimmed))
}

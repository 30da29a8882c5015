/** The STIX 2.1 cyber-observable types a certmesh node indexes and matches on. */
export type ObservableType =
  | 'ipv4-addr'
  | 'ipv6-addr'
  | 'domain-name'
  | 'url'
  | 'email-addr'
  | 'file'
  | 'windows-registry-key'
  | 'x509-certificate'

export const OBSERVABLE_TYPES: readonly ObservableType[] = [
  'ipv4-addr',
  'ipv6-addr',
  'domain-name',
  'url',
  'email-addr',
  'file',
  'windows-registry-key',
  'x509-certificate',
]

/**
 * One normalised observable. `key` is the dedup and lookup key:
 * `${type}:${property}=${value}` (docs/protocol.md §8).
 */
export interface Observable {
  type: ObservableType
  property: string
  value: string
  key: string
}

export function isObservableType(type: string): type is ObservableType {
  return (OBSERVABLE_TYPES as readonly string[]).includes(type)
}

export function makeObservable(type: ObservableType, property: string, value: string): Observable {
  return { type, property, value, key: `${type}:${property}=${value}` }
}

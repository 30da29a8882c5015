/**
 * The feed names of GET /api/v1/feeds/{name}.{txt,csv} and the observable each one lists
 * (keys as in docs/protocol.md §8: `${type}:${property}=${value}`).
 */
export interface FeedKind {
  readonly type: string
  readonly property: string
}

export const FEED_KINDS = {
  ipv4: { type: 'ipv4-addr', property: 'value' },
  ipv6: { type: 'ipv6-addr', property: 'value' },
  domain: { type: 'domain-name', property: 'value' },
  url: { type: 'url', property: 'value' },
  sha256: { type: 'file', property: 'hashes.SHA-256' },
  sha1: { type: 'file', property: 'hashes.SHA-1' },
  md5: { type: 'file', property: 'hashes.MD5' },
  email: { type: 'email-addr', property: 'value' },
} as const satisfies Record<string, FeedKind>

export type FeedName = keyof typeof FEED_KINDS
export type FeedFormat = 'txt' | 'csv'

export const FEED_NAMES = Object.keys(FEED_KINDS) as FeedName[]

export function isFeedName(name: string): name is FeedName {
  return Object.hasOwn(FEED_KINDS, name)
}

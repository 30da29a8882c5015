/**
 * Result shapes of the read side, exactly as docs/http-api.md (Types) defines them: the
 * HTTP layer serialises these objects unchanged, so a field added here is an API change.
 */

export interface LookupResponse {
  results: LookupResult[]
}

export interface LookupResult {
  /** The value as asked. */
  value: string
  /** Normalised; absent when the value is not recognisable. */
  observable?: { type: string; value: string; key: string }
  /** Why the value is not recognisable. */
  error?: string
  matches: LookupMatch[]
  warninglists: { list: string; entry: string }[]
}

export type MatchKind = 'exact' | 'cidr' | 'parent-domain'

export interface LookupMatch {
  indicator_id: string
  modified: string
  name?: string
  pattern: string
  match: MatchKind
  creator: { identity_id?: string; name?: string; verified: boolean; local: boolean }
  tlp: string | null
  confidence?: number
  valid_from?: string
  valid_until?: string
  revoked: boolean
  sightings: SightingSummary
}

export interface SightingSummary {
  count: number
  by: { identity_id: string; name?: string; count: number; last_seen?: string }[]
}

export interface ObjectVersion {
  modified: string
  date_added: string
  status: 'valid' | 'quarantined'
  revoked: boolean
  signer?: string
  verified: boolean
  origin: string
  object: object
}

export interface ObjectVersions {
  id: string
  versions: ObjectVersion[]
}

/** This node, as NodeSigner names it: key-bound identity id and base64url public key. */
export interface SelfIdentity {
  readonly identityId: string
  readonly publicKey: string
}

export interface LookupOptions {
  /** Also answer with revoked, expired and not-yet-valid indicators (default false). */
  readonly includeInactive?: boolean
}

/**
 * The store's public data shapes. The ingest pipeline parses, validates and verifies an
 * object, then hands the store a `PreparedVersion`; the store never re-parses the JSON.
 */

export type VersionStatus = 'valid' | 'quarantined'

export interface PreparedNetwork {
  readonly version: 4 | 6
  /** The address or network bytes (4 or 16); host bits are zeroed by the store. */
  readonly bytes: Uint8Array
  readonly prefix: number
}

export interface PreparedObservable {
  /** Normalised dedup key, e.g. `domain-name:example.com`; opaque to the store. */
  readonly key: string
  readonly type: string
  readonly property: string
  readonly value: string
  readonly network?: PreparedNetwork
}

export interface PreparedVersion {
  readonly id: string
  readonly type: string
  readonly specVersion: string
  readonly created: string
  /** STIX timestamp text exactly as signed. */
  readonly modified: string
  readonly createdByRef?: string
  /** base64url Ed25519 public key; undefined = unsigned (local only). */
  readonly signer?: string
  /** The exact JSON text, kept byte for byte. */
  readonly json: string
  /** Lower-case hex SHA-256 of `json`'s UTF-8 bytes. */
  readonly hash: string
  readonly revoked: boolean
  readonly tlp: string | null
  readonly confidence?: number
  /** Epoch milliseconds. */
  readonly validFrom?: number
  readonly validUntil?: number
  readonly observables: readonly PreparedObservable[]
  /** e.g. warninglist hits; any flag keeps the version out of feeds. */
  readonly flags?: readonly string[]
  /** 'local', 'import', or the peer id it came from. */
  readonly origin: string
}

export type RejectReason = 'not-creator' | 'revoked-final' | 'future-modified' | 'equivocation' | 'quarantined'

export type PutResult =
  | { status: 'created' | 'updated' | 'older-version' | 'unchanged'; seq?: number }
  | { status: 'rejected'; reason: RejectReason; message: string }

export interface StoredVersion {
  /** Local sequence number: the sync log position, never reused. */
  readonly seq: number
  /** Microseconds since the epoch; strictly increasing per node (TAXII date_added). */
  readonly dateAdded: number
  readonly id: string
  readonly type: string
  readonly specVersion: string
  readonly created: string
  readonly modified: string
  readonly createdByRef: string | null
  readonly signer: string | null
  readonly hash: string
  readonly json: string
  readonly revoked: boolean
  readonly tlp: string | null
  readonly confidence: number | null
  readonly validFrom: number | null
  readonly validUntil: number | null
  readonly status: VersionStatus
  readonly origin: string
  readonly flags: readonly string[]
}

export interface ObservableMatch {
  readonly key: string
  readonly type: string
  readonly property: string
  readonly value: string
  readonly object: StoredVersion
}

export interface IpMatch extends ObservableMatch {
  readonly ipVersion: 4 | 6
  readonly prefix: number
  readonly network: Uint8Array
}

/** Position in the (date_added, seq) order; `next` of one page is `after` of the following. */
export interface PageCursor {
  readonly dateAdded: number
  readonly seq: number
}

/** TAXII 2.1 §3.5 filtering; every list is OR within itself and AND across fields. */
export interface PageQuery {
  /** Only versions with date_added strictly greater (microseconds). */
  readonly addedAfter?: number
  readonly after?: PageCursor
  readonly limit: number
  readonly types?: readonly string[]
  readonly ids?: readonly string[]
  /** TAXII match[version]; default 'last'. A list holds STIX timestamps. */
  readonly versions?: 'first' | 'last' | 'all' | readonly string[]
  readonly specVersions?: readonly string[]
}

export interface PageResult<T> {
  readonly items: T[]
  /** True when rows remain after this page. */
  readonly more: boolean
  /** Cursor of the last item, to pass as `after`; absent on an empty page. */
  readonly next?: PageCursor
}

/** TAXII 2.1 §5.3 manifest record, without the JSON body. */
export interface ManifestEntry {
  readonly seq: number
  readonly dateAdded: number
  readonly id: string
  readonly type: string
  readonly modified: string
  readonly specVersion: string
}

export interface StoreCounts {
  readonly versions: number
  readonly objects: number
  readonly quarantined: number
  readonly revokedObjects: number
  readonly observables: number
  readonly networks: number
  readonly equivocations: number
  readonly lastSeq: number
}

export interface ActiveQuery {
  /** Observable type (e.g. 'ipv4-addr'); only observables of this type are listed. */
  readonly type?: string
  /** Versions without a confidence are excluded when this is set (fail closed for feeds). */
  readonly minConfidence?: number
  /** Epoch milliseconds. */
  readonly now: number
}

export interface ActiveIndicator {
  readonly object: StoredVersion
  readonly observables: readonly { key: string; type: string; property: string; value: string }[]
}

export interface EquivocationRecord {
  readonly proofId: number
  readonly id: string
  readonly modified: string
  readonly signer: string | null
  readonly hashA: string
  readonly jsonA: string
  readonly hashB: string
  readonly jsonB: string
  readonly origin: string
  /** Epoch milliseconds. */
  readonly detectedAt: number
}

export type EquivocationResult =
  | { status: 'recorded' | 'known'; quarantined: number }
  | { status: 'rejected'; reason: 'not-creator'; message: string }

export interface OriginFlag {
  readonly origin: string
  readonly reason: string
  readonly count: number
  readonly firstAt: number
  readonly lastAt: number
}

/** The columns a TAXII page needs; reading only these keeps large pages cheap. */
export type PagedVersion = Pick<
  StoredVersion,
  'seq' | 'dateAdded' | 'id' | 'type' | 'specVersion' | 'modified' | 'json' | 'revoked' | 'flags' | 'validUntil'
>

/** One sync-log entry with only what a sync server reads (StoreReader.logWindow). */
export interface LogEntry {
  readonly seq: number
  readonly id: string
  readonly type: string
  readonly modified: string
  readonly signer: string | null
  readonly tlp: string | null
  readonly status: VersionStatus
  readonly origin: string
  readonly json: string
}

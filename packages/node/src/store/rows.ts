import type { StoredVersion, VersionStatus } from './types.js'

/** The object_version columns every reader selects, aliased from table alias `v`. */
export const VERSION_COLUMNS = `v.seq, v.date_added, v.id, v.type, v.spec_version, v.created, v.modified,
  v.created_by_ref, v.signer, v.hash, v.json, v.revoked, v.tlp, v.confidence, v.valid_from, v.valid_until,
  v.status, v.origin, v.flags`

export interface VersionRow {
  seq: number
  date_added: number
  id: string
  type: string
  spec_version: string
  created: string
  modified: string
  created_by_ref: string | null
  signer: string | null
  hash: string
  json: string
  revoked: number
  tlp: string | null
  confidence: number | null
  valid_from: number | null
  valid_until: number | null
  status: VersionStatus
  origin: string
  flags: string | null
}

const NO_FLAGS: readonly string[] = Object.freeze([])

/** Row to API shape; `json` is passed through untouched. */
export function toStoredVersion(r: VersionRow): StoredVersion {
  return {
    seq: r.seq,
    dateAdded: r.date_added,
    id: r.id,
    type: r.type,
    specVersion: r.spec_version,
    created: r.created,
    modified: r.modified,
    createdByRef: r.created_by_ref,
    signer: r.signer,
    hash: r.hash,
    json: r.json,
    revoked: r.revoked === 1,
    tlp: r.tlp,
    confidence: r.confidence,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: r.status,
    origin: r.origin,
    flags: r.flags === null ? NO_FLAGS : (JSON.parse(r.flags) as string[]),
  }
}

/** A raw row (StatementCache.raw) from VERSION_COLUMNS at `at`, in their order. */
export type RawCell = string | number | null

/** The number of cells VERSION_COLUMNS takes in a raw row. */
export const VERSION_CELLS = 19

/** toStoredVersion for a raw row whose VERSION_COLUMNS start at cell `at`. */
export function rawStoredVersion(r: readonly RawCell[], at = 0): StoredVersion {
  const flags = r[at + 18] as string | null
  return {
    seq: r[at] as number,
    dateAdded: r[at + 1] as number,
    id: r[at + 2] as string,
    type: r[at + 3] as string,
    specVersion: r[at + 4] as string,
    created: r[at + 5] as string,
    modified: r[at + 6] as string,
    createdByRef: r[at + 7] as string | null,
    signer: r[at + 8] as string | null,
    hash: r[at + 9] as string,
    json: r[at + 10] as string,
    revoked: r[at + 11] === 1,
    tlp: r[at + 12] as string | null,
    confidence: r[at + 13] as number | null,
    validFrom: r[at + 14] as number | null,
    validUntil: r[at + 15] as number | null,
    status: r[at + 16] as VersionStatus,
    origin: r[at + 17] as string,
    flags: flags === null ? NO_FLAGS : (JSON.parse(flags) as string[]),
  }
}

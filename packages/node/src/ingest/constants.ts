/**
 * Fixed values of the ingest pipeline. The two namespaces are random UUIDs chosen once
 * for certmesh: deterministic ids (RFC 9562 §5.5 UUIDv5) make re-importing a MISP event
 * or re-adopting a STIX object find what the first import created. They MUST NOT change.
 */

/** `report--` ids of MISP events: UUIDv5(REPORT_NAMESPACE, `<our identity id>|<event uuid>`). */
export const REPORT_NAMESPACE = '14980943-f0cc-4031-827e-d492bc68ca27'

/** Adopted objects and their derived-from relationships: UUIDv5(ADOPT_NAMESPACE, `<our identity id>|<original id>`). */
export const ADOPT_NAMESPACE = 'a7a4d533-99f3-4f26-b0f5-835694be7274'

/**
 * Indicators per store transaction. Big enough to amortise the fsync of synchronous=FULL
 * and the index pages a commit rewrites (~5 ms a commit here: 512 instead of 2,000 cost
 * ~8 % of the import speed in bench/ingest, for a peak RSS within its run-to-run noise).
 */
export const BATCH_SIZE = 2000

/**
 * Indicators per signing batch: one dedup query, one job for the signing worker threads,
 * overlapped with reading and building the next batch. Small, so the unsigned objects and
 * signing plans of a batch die in V8's young generation instead of being promoted and
 * piling up until a major GC (bench/ingest, 100,000 lines, --trace-gc-nvp: batches of
 * 1,024 promoted ~500 MB over the import, 256 ~230 MB, at the same speed).
 */
export const SIGN_BATCH_SIZE = 256

/** Progress is reported about this many times over a whole import (every ~1 %). */
export const PROGRESS_STEPS = 100

/** Prefix of the pseudo-observable that indexes an indicator by its pattern dedup key (docs/protocol.md §7.5). */
export const PATTERN_KEY_PREFIX = 'pattern:'

/** Milliseconds in a day, for validity_days. */
export const DAY_MS = 86_400_000

/** Origin of versions written by an analyst through the API (store `origin`). */
export const ORIGIN_LOCAL = 'local'
/** Origin of versions that came from an imported file. */
export const ORIGIN_IMPORT = 'import'

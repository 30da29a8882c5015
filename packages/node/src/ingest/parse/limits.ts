/**
 * Parser limits (design invariant 7: every parser has size limits). One place, so the
 * HTTP body limit and the CLI can quote the same numbers.
 */

/** Largest file any ingest parser accepts, in UTF-8 bytes (64 MiB). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

/** Longest CSV record or text-list line, in characters. A URL indicator rarely passes 8 KiB. */
export const MAX_LINE_CHARS = 64 * 1024

/** Most data rows in one CSV file or values in one text list. */
export const MAX_ROWS = 1_000_000

/** Most MISP attributes (event-level plus object-level, all events) in one file. */
export const MAX_MISP_ATTRIBUTES = 1_000_000

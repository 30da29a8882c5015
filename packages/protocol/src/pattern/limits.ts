/**
 * Limits of the pattern parser (DESIGN.md invariant 7: every parser has size limits).
 * STIX 2.1 sets none; these bound memory and recursion for hostile input while staying
 * far above any real indicator (the longest pattern in the OASIS test set is 341 bytes).
 */

/** Longest accepted pattern, in UTF-8 bytes. */
export const MAX_PATTERN_BYTES = 64 * 1024

/** Deepest accepted nesting of `(` and `[` groups, counted together. */
export const MAX_NESTING_DEPTH = 64

/** Largest `REPEATS n TIMES` count: the largest integer a JavaScript number holds exactly. */
export const MAX_REPEATS = Number.MAX_SAFE_INTEGER

/** Largest absolute list index in an object path (`[n]`). */
export const MAX_PATH_INDEX = 2 ** 31 - 1

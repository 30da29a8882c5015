/**
 * Size limits for warninglist files (design invariant 7: every parser has limits).
 * The largest upstream MISP lists (Cloudflare/Tranco top-1M) hold about a million
 * entries in roughly 20 MB, so the defaults admit them and stop anything bigger.
 */
export interface WarninglistLimits {
  /** Bytes of one list file, checked before it is read. */
  maxFileBytes: number
  /** Entries in one list's `list` array. */
  maxEntries: number
  /** Characters of one entry. */
  maxEntryLength: number
  /**
   * Characters of one regex entry's pattern. A short pattern bounds the work one
   * `RegExp.test` can do, together with the nested-quantifier check in `pcre.ts`.
   */
  maxRegexLength: number
}

export const DEFAULT_WARNINGLIST_LIMITS: Readonly<WarninglistLimits> = Object.freeze({
  maxFileBytes: 32 * 1024 * 1024,
  maxEntries: 1_000_000,
  maxEntryLength: 2048,
  maxRegexLength: 512,
})

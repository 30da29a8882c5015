/** The five MISP warninglist types; the type decides the matching rule (see README.md). */
export type WarninglistType = 'cidr' | 'string' | 'hostname' | 'substring' | 'regex'
export const WARNINGLIST_TYPES: readonly WarninglistType[] = ['cidr', 'string', 'hostname', 'substring', 'regex']

/**
 * MISP's two categories: `false-positive` lists (the default) flag values that are not
 * malicious; `known` lists only say a value belongs to a known identifier set.
 */
export type WarninglistCategory = 'false-positive' | 'known'

/** One validated MISP warninglist (`lists/<name>/list.json` upstream). */
export interface Warninglist {
  name: string
  version: number
  description: string
  /** MISP attribute types the list applies to (`ip-src`, `domain`, `sha256`, ...). */
  matchingAttributes: string[]
  type: WarninglistType
  list: string[]
  category?: WarninglistCategory
  /** Base name of the file it was loaded from, e.g. `rfc1918.json`. */
  file?: string
}

/** The observable types of certmesh indicators that warninglists can apply to. */
export type WarninglistObservableType = 'ipv4-addr' | 'ipv6-addr' | 'domain-name' | 'url' | 'email-addr' | 'file'

/** A value matched a list. At most one hit per list is reported for one value. */
export interface WarninglistHit {
  /** The list's `name`. */
  list: string
  /** The list's file base name, when it came from a file. */
  listFile?: string
  /** The list entry that matched, exactly as written in the list. */
  entry: string
  /** The list's type, i.e. the rule that matched. */
  type: WarninglistType
}

/**
 * TLP names as the ingest parsers hand them on: lower-case TLP 2.0 names. TLP 1.0's
 * WHITE becomes CLEAR (FIRST TLP 2.0: "TLP:CLEAR replaces TLP:WHITE"); design
 * invariant 4 maps TLP 1.0 on input.
 */
export type TlpName = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red'

/** From least to most restrictive. */
const ORDER: readonly TlpName[] = ['clear', 'green', 'amber', 'amber+strict', 'red']

/**
 * 'TLP:AMBER', 'tlp:amber+strict', 'amber', ' TLP:White ' → a TlpName; anything else →
 * undefined. An optional 'tlp:' prefix and surrounding space are allowed.
 */
export function normalizeTlp(raw: string): TlpName | undefined {
  let s = raw.trim().toLowerCase()
  if (s.startsWith('tlp:')) s = s.slice(4).trim()
  if (s === 'white') return 'clear'
  return (ORDER as readonly string[]).includes(s) ? (s as TlpName) : undefined
}

/** True for a MISP tag of the `tlp` taxonomy ('tlp:amber', 'TLP:CLEAR', 'tlp:ex:chr'). */
export function isTlpTag(tagName: string): boolean {
  return /^tlp\s*:/i.test(tagName.trim())
}

/** The more restrictive of two TLP names (undefined counts as no marking). */
export function moreRestrictive(a: TlpName | undefined, b: TlpName | undefined): TlpName | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b
}

/**
 * TLP 2.0 levels (FIRST, Traffic Light Protocol version 2.0, August 2022) and their
 * order of restriction. The string values are the ones the OASIS TLP 2.0 extension
 * carries in its `tlp_2_0` property, so a level can be written into STIX unchanged.
 */
export type Tlp = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red'

/** Every level, least restrictive first. The index is the rank. */
export const TLP_LEVELS: readonly Tlp[] = Object.freeze(['clear', 'green', 'amber', 'amber+strict', 'red'])

export function isTlp(value: unknown): value is Tlp {
  return typeof value === 'string' && (TLP_LEVELS as readonly string[]).includes(value)
}

/** 0 for clear … 4 for red. */
export function tlpRank(tlp: Tlp): number {
  return TLP_LEVELS.indexOf(tlp)
}

/** Negative when `a` is less restrictive than `b`, 0 when equal, positive otherwise. */
export function compareTlp(a: Tlp, b: Tlp): number {
  return tlpRank(a) - tlpRank(b)
}

/** The canonical display name, as in the published marking objects: `TLP:AMBER+STRICT`. */
export function tlpName(tlp: Tlp): string {
  return `TLP:${tlp.toUpperCase()}`
}

import { isTlp, tlpAtMost, type Tlp } from '@certmesh/protocol'
import type { StoredVersion } from '../../../store/index.js'
import type { FeedParams } from './params.js'

/** What decides whether an indicator is in a feed, besides its observable type. */
export interface FeedFilter {
  readonly minConfidence?: number
  readonly tlpMax?: Tlp
  /** The level an unmarked object counts as (the node's default marking, effectiveTlp's `null`). */
  readonly unmarkedTlp: Tlp
}

export function feedFilter(params: FeedParams, defaultTlp: string): FeedFilter {
  return {
    ...(params.minConfidence !== undefined && { minConfidence: params.minConfidence }),
    ...(params.tlpMax !== undefined && { tlpMax: params.tlpMax }),
    // A default that is not a TLP level cannot be compared: count it as RED (fail closed).
    unmarkedTlp: isTlp(defaultTlp) ? defaultTlp : 'red',
  }
}

/** The TLP part of the filter, for rows the store already found active. */
export function tlpAllowed(tlp: string | null, f: FeedFilter): boolean {
  if (f.tlpMax === undefined) return true
  const level = tlp === null ? f.unmarkedTlp : isTlp(tlp) ? tlp : 'red'
  return tlpAtMost(level, f.tlpMax)
}

/**
 * The whole rule for one version: the store's active rule (store/active.ts: current,
 * valid, indicator, not revoked, no flag, inside [valid_from, valid_until)) plus the
 * request's filters. Versions without a confidence fail a minimum (as in the store).
 */
export function inFeed(v: StoredVersion, f: FeedFilter, now: number): boolean {
  return (
    v.type === 'indicator' &&
    v.status === 'valid' &&
    !v.revoked &&
    v.flags.length === 0 &&
    (v.validUntil === null || v.validUntil > now) &&
    (v.validFrom === null || v.validFrom <= now) &&
    (f.minConfidence === undefined || (v.confidence !== null && v.confidence >= f.minConfidence)) &&
    tlpAllowed(v.tlp, f)
  )
}

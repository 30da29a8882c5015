/** STIX 2.1 Relationship Objects (§5). */
import type { StixCoreCommon, StixIdentifier, StixTimestamp } from './common.js'

export interface Relationship extends StixCoreCommon {
  type: 'relationship'
  relationship_type: string
  description?: string
  source_ref: StixIdentifier
  target_ref: StixIdentifier
  start_time?: StixTimestamp
  stop_time?: StixTimestamp
}

export interface Sighting extends StixCoreCommon {
  type: 'sighting'
  description?: string
  first_seen?: StixTimestamp
  last_seen?: StixTimestamp
  /** 0–999,999,999 (§5.2). */
  count?: number
  sighting_of_ref: StixIdentifier
  observed_data_refs?: StixIdentifier[]
  where_sighted_refs?: StixIdentifier[]
  summary?: boolean
}

export type StixRelationshipObject = Relationship | Sighting

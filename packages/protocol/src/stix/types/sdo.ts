/** STIX 2.1 Domain Objects (§4). Open vocabularies are typed as `string`. */
import type { KillChainPhase, StixCoreCommon, StixIdentifier, StixTimestamp } from './common.js'

export interface AttackPattern extends StixCoreCommon {
  type: 'attack-pattern'
  name: string
  description?: string
  aliases?: string[]
  kill_chain_phases?: KillChainPhase[]
}

export interface Campaign extends StixCoreCommon {
  type: 'campaign'
  name: string
  description?: string
  aliases?: string[]
  first_seen?: StixTimestamp
  last_seen?: StixTimestamp
  objective?: string
}

export interface CourseOfAction extends StixCoreCommon {
  type: 'course-of-action'
  name: string
  description?: string
}

export interface Grouping extends StixCoreCommon {
  type: 'grouping'
  name?: string
  description?: string
  context: string
  object_refs: StixIdentifier[]
}

export interface Identity extends StixCoreCommon {
  type: 'identity'
  name: string
  description?: string
  roles?: string[]
  identity_class?: string
  sectors?: string[]
  contact_information?: string
}

export interface Incident extends StixCoreCommon {
  type: 'incident'
  name: string
  description?: string
  kill_chain_phases?: KillChainPhase[]
}

export interface Indicator extends StixCoreCommon {
  type: 'indicator'
  name?: string
  description?: string
  indicator_types?: string[]
  pattern: string
  pattern_type: string
  pattern_version?: string
  valid_from: StixTimestamp
  valid_until?: StixTimestamp
  kill_chain_phases?: KillChainPhase[]
}

export interface Infrastructure extends StixCoreCommon {
  type: 'infrastructure'
  name: string
  description?: string
  infrastructure_types?: string[]
  aliases?: string[]
  kill_chain_phases?: KillChainPhase[]
  first_seen?: StixTimestamp
  last_seen?: StixTimestamp
}

export interface IntrusionSet extends StixCoreCommon {
  type: 'intrusion-set'
  name: string
  description?: string
  aliases?: string[]
  first_seen?: StixTimestamp
  last_seen?: StixTimestamp
  goals?: string[]
  resource_level?: string
  primary_motivation?: string
  secondary_motivations?: string[]
}

export interface Location extends StixCoreCommon {
  type: 'location'
  name?: string
  description?: string
  latitude?: number
  longitude?: number
  precision?: number
  region?: string
  country?: string
  administrative_area?: string
  city?: string
  street_address?: string
  postal_code?: string
}

export interface Malware extends StixCoreCommon {
  type: 'malware'
  name?: string
  description?: string
  malware_types?: string[]
  is_family: boolean
  aliases?: string[]
  kill_chain_phases?: KillChainPhase[]
  first_seen?: StixTimestamp
  last_seen?: StixTimestamp
  operating_system_refs?: StixIdentifier[]
  architecture_execution_envs?: string[]
  implementation_languages?: string[]
  capabilities?: string[]
  sample_refs?: StixIdentifier[]
}

export interface MalwareAnalysis extends StixCoreCommon {
  type: 'malware-analysis'
  product: string
  version?: string
  host_vm_ref?: StixIdentifier
  operating_system_ref?: StixIdentifier
  installed_software_refs?: StixIdentifier[]
  configuration_version?: string
  modules?: string[]
  analysis_engine_version?: string
  analysis_definition_version?: string
  submitted?: StixTimestamp
  analysis_started?: StixTimestamp
  analysis_ended?: StixTimestamp
  result_name?: string
  result?: string
  analysis_sco_refs?: StixIdentifier[]
  sample_ref?: StixIdentifier
}

export interface Note extends StixCoreCommon {
  type: 'note'
  abstract?: string
  content: string
  authors?: string[]
  object_refs: StixIdentifier[]
}

export interface ObservedData extends StixCoreCommon {
  type: 'observed-data'
  first_observed: StixTimestamp
  last_observed: StixTimestamp
  number_observed: number
  /** Deprecated in 2.1 (§4.13); mutually exclusive with `object_refs`. */
  objects?: Record<string, Record<string, unknown>>
  object_refs?: StixIdentifier[]
}

export type OpinionValue = 'strongly-disagree' | 'disagree' | 'neutral' | 'agree' | 'strongly-agree'

export interface Opinion extends StixCoreCommon {
  type: 'opinion'
  explanation?: string
  authors?: string[]
  opinion: OpinionValue
  object_refs: StixIdentifier[]
}

export interface Report extends StixCoreCommon {
  type: 'report'
  name: string
  description?: string
  report_types?: string[]
  published: StixTimestamp
  object_refs: StixIdentifier[]
}

export interface ThreatActor extends StixCoreCommon {
  type: 'threat-actor'
  name: string
  description?: string
  threat_actor_types?: string[]
  aliases?: string[]
  first_seen?: StixTimestamp
  last_seen?: StixTimestamp
  roles?: string[]
  goals?: string[]
  sophistication?: string
  resource_level?: string
  primary_motivation?: string
  secondary_motivations?: string[]
  personal_motivations?: string[]
}

export interface Tool extends StixCoreCommon {
  type: 'tool'
  name: string
  description?: string
  tool_types?: string[]
  aliases?: string[]
  kill_chain_phases?: KillChainPhase[]
  tool_version?: string
}

export interface Vulnerability extends StixCoreCommon {
  type: 'vulnerability'
  name: string
  description?: string
}

export type StixDomainObject =
  | AttackPattern
  | Campaign
  | CourseOfAction
  | Grouping
  | Identity
  | Incident
  | Indicator
  | Infrastructure
  | IntrusionSet
  | Location
  | Malware
  | MalwareAnalysis
  | Note
  | ObservedData
  | Opinion
  | Report
  | ThreatActor
  | Tool
  | Vulnerability

/**
 * STIX 2.1 §4 Domain Objects: required properties, property types, reference targets and
 * ordering rules. Required sets follow the OASIS JSON schemas (schemas/sdos/*.json).
 */
import { ANY_REF, SCO_OR_SRO_REF, SCO_REF, refTo } from './categories.js'
import type { IssueCollector, ValidateOptions } from './issue.js'
import type { RuleTable, TimeOrder, TypeRule } from './rule.js'
import {
  type PropSpec, bool, intRange, oneOf, ref, refs, str, strList, ts,
} from './values.js'

const killChainPhases: PropSpec = { kind: 'list', of: { kind: 'object', required: ['kill_chain_name', 'phase_name'], props: { kill_chain_name: str, phase_name: str } } }
const seen: TimeOrder = ['first_seen', 'last_seen', false]

const named = (props: Record<string, PropSpec> = {}, orders: TimeOrder[] = []): TypeRule => ({
  category: 'sdo', required: ['name'], props: { name: str, description: str, ...props }, orders,
})

function checkIndicator(obj: Record<string, unknown>, out: IssueCollector, options: ValidateOptions): void {
  if (obj.pattern_type === 'stix' && typeof obj.pattern === 'string' && options.checkPattern) {
    const error = options.checkPattern(obj.pattern, obj.pattern_type)
    if (error !== undefined) out.add('pattern', 'pattern-syntax', `STIX pattern is invalid: ${error}`)
  }
}

function checkLocation(obj: Record<string, unknown>, out: IssueCollector): void {
  const hasLat = 'latitude' in obj
  const hasLon = 'longitude' in obj
  if (!('region' in obj) && !('country' in obj) && !(hasLat && hasLon)) {
    out.add('', 'required-one-of', 'a location needs region, country, or latitude and longitude')
  }
  if (hasLat !== hasLon) out.add(hasLat ? 'longitude' : 'latitude', 'property-dependency', 'latitude and longitude must be given together')
  if ('precision' in obj && !(hasLat && hasLon)) out.add('precision', 'property-dependency', 'precision requires latitude and longitude')
}

function checkMalware(obj: Record<string, unknown>, out: IssueCollector): void {
  if (obj.is_family === true && !('name' in obj)) out.add('name', 'required-property', "a malware family (is_family true) requires 'name'")
}

function checkMalwareAnalysis(obj: Record<string, unknown>, out: IssueCollector): void {
  if (!('result' in obj) && !('analysis_sco_refs' in obj)) out.add('', 'required-one-of', 'malware-analysis needs result or analysis_sco_refs')
}

function checkObservedData(obj: Record<string, unknown>, out: IssueCollector): void {
  const hasObjects = 'objects' in obj
  const hasRefs = 'object_refs' in obj
  if (hasObjects && hasRefs) out.add('objects', 'mutually-exclusive', 'objects and object_refs must not both be present')
  if (!hasObjects && !hasRefs) out.add('object_refs', 'required-one-of', 'observed-data needs object_refs (or the deprecated objects)')
}

const software = refTo('software')

export const SDO_RULES: RuleTable = {
  'attack-pattern': named({ aliases: strList, kill_chain_phases: killChainPhases }),
  campaign: named({ aliases: strList, first_seen: ts, last_seen: ts, objective: str }, [seen]),
  'course-of-action': named(),
  grouping: {
    category: 'sdo', required: ['context', 'object_refs'],
    props: { name: str, description: str, context: str, object_refs: refs(ANY_REF) },
  },
  identity: named({ roles: strList, identity_class: str, sectors: strList, contact_information: str }),
  incident: named({ kill_chain_phases: killChainPhases }),
  indicator: {
    category: 'sdo', required: ['pattern', 'pattern_type', 'valid_from'],
    props: {
      name: str, description: str, indicator_types: strList, pattern: str, pattern_type: str, pattern_version: str,
      valid_from: ts, valid_until: ts, kill_chain_phases: killChainPhases,
    },
    // §4.7: valid_until MUST be greater than valid_from.
    orders: [['valid_from', 'valid_until', true]],
    check: checkIndicator,
  },
  infrastructure: named({ infrastructure_types: strList, aliases: strList, kill_chain_phases: killChainPhases, first_seen: ts, last_seen: ts }, [seen]),
  'intrusion-set': named({
    aliases: strList, first_seen: ts, last_seen: ts, goals: strList, resource_level: str,
    primary_motivation: str, secondary_motivations: strList,
  }, [seen]),
  location: {
    category: 'sdo', required: [],
    props: {
      name: str, description: str, latitude: { kind: 'number', min: -90, max: 90 }, longitude: { kind: 'number', min: -180, max: 180 },
      precision: { kind: 'number', min: 0 }, region: str, country: str, administrative_area: str, city: str, street_address: str, postal_code: str,
    },
    check: checkLocation,
  },
  malware: {
    category: 'sdo', required: ['is_family'],
    props: {
      name: str, description: str, malware_types: strList, is_family: bool, aliases: strList, kill_chain_phases: killChainPhases,
      first_seen: ts, last_seen: ts, operating_system_refs: refs(software), architecture_execution_envs: strList,
      implementation_languages: strList, capabilities: strList, sample_refs: refs(refTo('file', 'artifact')),
    },
    orders: [seen],
    check: checkMalware,
  },
  'malware-analysis': {
    category: 'sdo', required: ['product'],
    props: {
      product: str, version: str, host_vm_ref: ref(software), operating_system_ref: ref(software), installed_software_refs: refs(software),
      configuration_version: str, modules: strList, analysis_engine_version: str, analysis_definition_version: str,
      submitted: ts, analysis_started: ts, analysis_ended: ts, result_name: str, result: str,
      analysis_sco_refs: refs(SCO_REF), sample_ref: ref(refTo('file', 'network-traffic', 'artifact')),
    },
    check: checkMalwareAnalysis,
  },
  note: {
    category: 'sdo', required: ['content', 'object_refs'],
    props: { abstract: str, content: str, authors: strList, object_refs: refs(ANY_REF) },
  },
  'observed-data': {
    category: 'sdo', required: ['first_observed', 'last_observed', 'number_observed'],
    props: {
      first_observed: ts, last_observed: ts, number_observed: intRange(1, 999_999_999),
      objects: { kind: 'dictionary', values: { kind: 'object', required: ['type'], props: { type: str } } },
      object_refs: refs(SCO_OR_SRO_REF),
    },
    orders: [['first_observed', 'last_observed', false]],
    check: checkObservedData,
  },
  opinion: {
    category: 'sdo', required: ['opinion', 'object_refs'],
    props: {
      explanation: str, authors: strList, object_refs: refs(ANY_REF),
      opinion: oneOf('strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'),
    },
  },
  report: {
    category: 'sdo', required: ['name', 'published', 'object_refs'],
    props: { name: str, description: str, report_types: strList, published: ts, object_refs: refs(ANY_REF) },
  },
  'threat-actor': named({
    threat_actor_types: strList, aliases: strList, first_seen: ts, last_seen: ts, roles: strList, goals: strList,
    sophistication: str, resource_level: str, primary_motivation: str, secondary_motivations: strList, personal_motivations: strList,
  }, [seen]),
  tool: named({ tool_types: strList, aliases: strList, kill_chain_phases: killChainPhases, tool_version: str }),
  vulnerability: named(),
}

export { TLP_LEVELS, compareTlp, isTlp, tlpName, tlpRank, type Tlp } from './level.js'
export {
  TLP1_MARKING_CREATED,
  TLP1_MARKING_IDS,
  TLP1_TO_TLP2,
  TLP2_EXTENSION_DEFINITION_ID,
  TLP2_MARKING_CREATED,
  TLP2_MARKING_IDS,
  tlp1MarkingDefinition,
  tlp2ExtensionDefinition,
  tlpMarkingDefinition,
  tlpMarkingDefinitions,
  type Tlp1,
  type Tlp1MarkingDefinition,
  type Tlp2ExtensionDefinition,
  type Tlp2MarkingDefinition,
} from './markings.js'
export {
  isTlp1MarkingId,
  isTlpLabel,
  markingIdForTlp,
  parseTlpArgument,
  tlpFromLabel,
  tlpFromMarkingDefinition,
  tlpFromMarkingId,
} from './map.js'
export { effectiveTlp, markingResolver, mostRestrictive, tlpAtMost, type MarkingResolver } from './effective.js'
export { TlpParseError } from './errors.js'

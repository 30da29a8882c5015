import { TlpParseError } from './errors.js'
import { TLP_LEVELS, tlpRank, type Tlp } from './level.js'
import {
  TLP1_MARKING_IDS,
  TLP1_TO_TLP2,
  TLP2_EXTENSION_DEFINITION_ID,
  TLP2_MARKING_IDS,
  type Tlp1,
} from './markings.js'

/**
 * Reading TLP from the many ways it is written: marking ids (TLP 2.0 and 1.0), tags and
 * labels (`tlp:amber`), CLI/config arguments, and marking-definition objects.
 * The rules are written out in docs/protocol.md §5.
 */

const TLP_BY_MARKING_ID: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  ...TLP_LEVELS.map((tlp): [string, Tlp] => [TLP2_MARKING_IDS[tlp], tlp]),
  ...(Object.keys(TLP1_MARKING_IDS) as Tlp1[]).map((tlp1): [string, Tlp] => [
    TLP1_MARKING_IDS[tlp1],
    TLP1_TO_TLP2[tlp1],
  ]),
])

const TLP1_IDS: ReadonlySet<string> = new Set(Object.values(TLP1_MARKING_IDS))

/** Words accepted for a level. WHITE is TLP 1.0's name for CLEAR (FIRST TLP 2.0). */
const LEVEL_WORDS: ReadonlyMap<string, Tlp> = new Map<string, Tlp>([
  ['clear', 'clear'],
  ['white', 'clear'],
  ['green', 'green'],
  ['amber', 'amber'],
  ['amber+strict', 'amber+strict'],
  ['red', 'red'],
])

const TLP_PREFIX = /^tlp:\s*/i

/** A level word, with or without a `tlp:` prefix, any case, surrounding blanks ignored. */
function levelFromText(text: string): Tlp | undefined {
  return LEVEL_WORDS.get(text.trim().replace(TLP_PREFIX, '').toLowerCase())
}

/**
 * The level of a well-known TLP marking-definition id: the five TLP 2.0 ids and the four
 * STIX 2.1 TLP 1.0 ids (WHITE → clear). The UUID is compared case-insensitively
 * (STIX identifiers allow upper-case hex). Any other id → undefined.
 */
export function tlpFromMarkingId(id: string): Tlp | undefined {
  if (typeof id !== 'string') return undefined
  return TLP_BY_MARKING_ID.get(id.toLowerCase())
}

/** True for the four STIX 2.1 TLP 1.0 marking ids. */
export function isTlp1MarkingId(id: string): boolean {
  return typeof id === 'string' && TLP1_IDS.has(id.toLowerCase())
}

/** The TLP 2.0 marking-definition id for a level. */
export function markingIdForTlp(tlp: Tlp): string {
  return TLP2_MARKING_IDS[tlp]
}

/**
 * A tag or label such as `tlp:amber`, `TLP:AMBER+STRICT`, ` tlp:white ` (→ clear).
 * The `tlp:` prefix is required (a bare `red` label is a colour, not a marking).
 * Unknown TLP-like labels (`tlp:ex:chr`, `tlp:unclear`) → undefined: use
 * {@link isTlpLabel} to tell them apart from labels that are not TLP at all.
 */
export function tlpFromLabel(label: string): Tlp | undefined {
  if (typeof label !== 'string' || !isTlpLabel(label)) return undefined
  return levelFromText(label)
}

/**
 * True when a label claims to be a TLP marking (starts with `tlp:`), known or not.
 * An importer that finds one it cannot read should treat it as RED (fail-closed).
 */
export function isTlpLabel(label: string): boolean {
  return typeof label === 'string' && TLP_PREFIX.test(label.trim())
}

/**
 * A level given by a person: `clear`, `green`, `amber`, `amber+strict`, `red`, or
 * `white` (→ clear), any case, with or without `tlp:`. Throws {@link TlpParseError}
 * naming the input, `where` it came from, and the valid values.
 */
export function parseTlpArgument(text: string, where = ''): Tlp {
  const tlp = typeof text === 'string' ? levelFromText(text) : undefined
  if (tlp === undefined) throw new TlpParseError(String(text), where, TLP_LEVELS)
  return tlp
}

type Signal = Tlp | 'unreadable'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value of `definition.tlp`, tolerating producers that capitalise the key. */
function definitionTlp(definition: unknown): unknown {
  if (!isRecord(definition)) return undefined
  const key = Object.keys(definition).find((k) => k.toLowerCase() === 'tlp')
  return key === undefined ? undefined : definition[key]
}

function textSignal(value: unknown): Signal {
  return (typeof value === 'string' ? levelFromText(value) : undefined) ?? 'unreadable'
}

/** Every statement a marking-definition makes about its TLP level. */
function signalsOf(obj: Record<string, unknown>): Signal[] {
  const signals: Signal[] = []
  const byId = typeof obj.id === 'string' ? tlpFromMarkingId(obj.id) : undefined
  if (byId !== undefined) signals.push(byId)

  const extensions = obj.extensions
  if (isRecord(extensions) && extensions[TLP2_EXTENSION_DEFINITION_ID] !== undefined) {
    const ext = extensions[TLP2_EXTENSION_DEFINITION_ID]
    signals.push(textSignal(isRecord(ext) ? ext.tlp_2_0 : undefined))
  }

  const definitionType = obj.definition_type
  if (typeof definitionType === 'string') {
    if (definitionType.trim().toLowerCase() === 'tlp') signals.push(textSignal(definitionTlp(obj.definition)))
    // Seen in the wild: `definition_type: "TLP:CLEAR"` with no definition.
    else if (isTlpLabel(definitionType)) signals.push(textSignal(definitionType))
  }

  if (typeof obj.name === 'string' && isTlpLabel(obj.name)) signals.push(textSignal(obj.name))
  return signals
}

/**
 * The level a marking-definition object stands for, from any of: its id (TLP 2.0 or
 * 1.0), the TLP 2.0 extension's `tlp_2_0`, `definition_type: "tlp"` with
 * `definition.tlp`, or a `TLP:…` name. When these disagree the most restrictive wins,
 * and a TLP claim that cannot be read makes it RED (fail-closed, DESIGN.md invariant 4).
 * Not a marking-definition, or no TLP claim at all → undefined.
 *
 * Example in the wild (Elastic Security Labs bundles): the TLP:WHITE id with
 * `definition: {tlp: "clear"}` and name `TLP:CLEAR` — every signal says clear.
 */
export function tlpFromMarkingDefinition(obj: unknown): Tlp | undefined {
  if (!isRecord(obj) || obj.type !== 'marking-definition') return undefined
  const signals = signalsOf(obj)
  if (signals.length === 0) return undefined
  if (signals.includes('unreadable')) return 'red'
  return (signals as Tlp[]).reduce((a, b) => (tlpRank(b) > tlpRank(a) ? b : a))
}

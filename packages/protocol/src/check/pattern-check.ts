import { parsePattern } from '../pattern/parser.js'

/**
 * The pattern hook for the STIX validator: syntax of `pattern_type: 'stix'` patterns.
 * Other pattern languages (yara, sigma, snort, ...) are opaque to certmesh.
 * Values inside the pattern (e.g. an IPv4 octet above 255) are judged later, when the
 * ingest pipeline extracts observables, because STIX itself does not constrain them.
 */
export function checkStixPattern(pattern: string, patternType: string): string | undefined {
  if (patternType !== 'stix') return undefined
  try {
    parsePattern(pattern)
    return undefined
  } catch (err) {
    return (err as Error).message
  }
}

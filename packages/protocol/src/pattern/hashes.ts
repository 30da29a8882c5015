/**
 * Hash algorithm names and the shape of their values. STIX 2.1 section 10.7
 * (hash-algorithm-ov) names MD5, SHA-1, SHA-256, SHA-512, SHA3-256, SHA3-512, SSDEEP
 * and TLSH; the others are the older names the OASIS pattern validator also checks.
 * Producers spell them freely (`'SHA-256'`, `SHA256`, `sha256`), so names are matched
 * upper-cased with `-` and `_` removed.
 */

interface Algorithm {
  /** The hash-algorithm-ov spelling. */
  readonly canonical: string
  /** Accepted value lengths in hex digits; `undefined` when the value is not hex. */
  readonly hexLengths?: readonly number[]
}

const ALGORITHMS: ReadonlyMap<string, Algorithm> = new Map([
  ['MD5', { canonical: 'MD5', hexLengths: [32] }],
  ['MD6', { canonical: 'MD6', hexLengths: [32, 40, 56, 64, 96, 128] }],
  ['RIPEMD160', { canonical: 'RIPEMD-160', hexLengths: [40] }],
  ['SHA1', { canonical: 'SHA-1', hexLengths: [40] }],
  ['SHA224', { canonical: 'SHA-224', hexLengths: [56] }],
  ['SHA256', { canonical: 'SHA-256', hexLengths: [64] }],
  ['SHA384', { canonical: 'SHA-384', hexLengths: [96] }],
  ['SHA512', { canonical: 'SHA-512', hexLengths: [128] }],
  ['SHA3224', { canonical: 'SHA3-224', hexLengths: [56] }],
  ['SHA3256', { canonical: 'SHA3-256', hexLengths: [64] }],
  ['SHA3384', { canonical: 'SHA3-384', hexLengths: [96] }],
  ['SHA3512', { canonical: 'SHA3-512', hexLengths: [128] }],
  ['WHIRLPOOL', { canonical: 'WHIRLPOOL', hexLengths: [128] }],
  ['SSDEEP', { canonical: 'SSDEEP' }],
  ['TLSH', { canonical: 'TLSH' }],
])

function lookup(name: string): Algorithm | undefined {
  return ALGORITHMS.get(name.toUpperCase().replace(/[-_]/g, ''))
}

/** The canonical spelling of a known algorithm name, or `undefined`. */
export function canonicalHashAlgorithm(name: string): string | undefined {
  return lookup(name)?.canonical
}

const SSDEEP = /^[A-Za-z0-9/+:.]{1,128}$/

/**
 * Why `value` cannot be a hash of algorithm `name`, or `undefined` if it can (or the
 * algorithm is unknown, or its values have no fixed shape, as TLSH).
 */
export function hashValueProblem(name: string, value: string): string | undefined {
  const algorithm = lookup(name)
  if (algorithm === undefined) return undefined
  if (algorithm.canonical === 'SSDEEP') {
    return SSDEEP.test(value) ? undefined : `'${value}' is not a valid SSDEEP hash`
  }
  const lengths = algorithm.hexLengths
  if (lengths === undefined) return undefined
  if (/^[0-9A-Fa-f]*$/.test(value) && lengths.includes(value.length)) return undefined
  const digits = lengths.length === 1 ? `${lengths[0]}` : lengths.join(', ')
  return `'${value}' is not a valid ${algorithm.canonical} hash (expected ${digits} hex digits)`
}

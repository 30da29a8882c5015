import { ObservableError, failFor, type Fail } from './errors.js'

/**
 * STIX 2.1 hashing-algorithm-ov (§10.7) names, and the hex length of each fixed-size
 * digest. SSDEEP and TLSH are fuzzy hashes with their own text forms.
 */
export const HASH_HEX_LENGTHS: Readonly<Record<string, number>> = {
  MD5: 32,
  'SHA-1': 40,
  'SHA-256': 64,
  'SHA-512': 128,
  'SHA3-256': 64,
  'SHA3-512': 128,
}
export const KNOWN_HASH_ALGORITHMS = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512', 'SHA3-256', 'SHA3-512', 'SSDEEP', 'TLSH'] as const

// Spelling variants compared with case, '-', '_' and spaces removed.
const BY_SQUASHED: Readonly<Record<string, string>> = {
  MD5: 'MD5',
  SHA1: 'SHA-1',
  SHA256: 'SHA-256',
  SHA512: 'SHA-512',
  SHA3256: 'SHA3-256',
  SHA3512: 'SHA3-512',
  SSDEEP: 'SSDEEP',
  TLSH: 'TLSH',
}

const UNKNOWN_NAME = /^[A-Z0-9][A-Z0-9_-]{0,63}$/

/**
 * Canonical algorithm name for any spelling: 'sha256', 'SHA-256', "'SHA-256'" (quoted,
 * as in a pattern path) → 'SHA-256'. Names outside the vocabulary are upper-cased.
 * Returns undefined for a name that cannot be a hash name.
 */
export function canonicalHashName(name: string): string | undefined {
  let n = name.trim()
  if (n.length >= 2 && (n[0] === "'" || n[0] === '"') && n[n.length - 1] === n[0]) n = n.slice(1, -1).trim()
  const upper = n.toUpperCase()
  const known = BY_SQUASHED[upper.replace(/[-_ ]/g, '')]
  if (known !== undefined) return known
  return UNKNOWN_NAME.test(upper) ? upper : undefined
}

// ssdeep: blocksize:signature1:signature2 (base64 alphabet), optionally ,"filename".
const SSDEEP = /^[0-9]{1,10}:[A-Za-z0-9+/]*:[A-Za-z0-9+/]*(,.*)?$/s
// TLSH: 70 hex digits, with the 'T1' version prefix in current versions; longer variants exist.
const TLSH = /^(t1)?[0-9a-f]{70,136}$/

/** Normalises a hash value for a canonical algorithm name. */
export function normaliseHashValue(algorithm: string, value: string, fail: Fail): string {
  if (algorithm === 'SSDEEP') {
    if (!SSDEEP.test(value)) fail("an SSDEEP hash has the form 'blocksize:signature:signature'")
    return value
  }
  const lower = value.toLowerCase()
  if (algorithm === 'TLSH') {
    if (!TLSH.test(lower)) fail("a TLSH hash is 70 or more hexadecimal digits, optionally after 'T1'")
    return lower
  }
  const expected = HASH_HEX_LENGTHS[algorithm]
  if (expected === undefined) return /^[0-9a-f]+$/.test(lower) ? lower : value
  if (!/^[0-9a-f]+$/.test(lower)) fail(`a ${algorithm} hash is hexadecimal digits only`)
  if (lower.length !== expected) fail(`a ${algorithm} hash has ${expected} hexadecimal digits, this has ${lower.length}`)
  return lower
}

/**
 * `hashes.X` of file and x509-certificate: returns the canonical property
 * ('hashes.SHA-256', unquoted) and value.
 */
export function normaliseHashProperty(type: string, property: string, value: string): { property: string; value: string } {
  const name = property.slice('hashes.'.length)
  const algorithm = canonicalHashName(name)
  if (algorithm === undefined) {
    throw new ObservableError({
      code: 'unsupported-property',
      type,
      property,
      problem: `'${name}' is not a hash algorithm name (letters, digits, '-' and '_', at most 64)`,
    })
  }
  const canonical = `hashes.${algorithm}`
  return { property: canonical, value: normaliseHashValue(algorithm, value, failFor(type, canonical, value)) }
}

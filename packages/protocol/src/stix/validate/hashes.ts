/**
 * STIX 2.1 §2.7 hashes: a dictionary of algorithm name → digest. For the hash-algorithm-ov
 * names the digest form is fixed (OASIS schema common/hashes-type.json); other keys are
 * custom algorithms and MUST be 3–250 characters of a–z A–Z 0–9 - _.
 */
import { type IssueCollector, describeType, isPlainObject, joinPath } from './issue.js'

const DIGEST_FORMS: Readonly<Record<string, RegExp>> = {
  MD5: /^[a-fA-F0-9]{32}$/,
  'SHA-1': /^[a-fA-F0-9]{40}$/,
  'SHA-256': /^[a-fA-F0-9]{64}$/,
  'SHA-512': /^[a-fA-F0-9]{128}$/,
  'SHA3-256': /^[a-fA-F0-9]{64}$/,
  'SHA3-512': /^[a-fA-F0-9]{128}$/,
  SSDEEP: /^[a-zA-Z0-9/+:.]{1,128}$/,
  TLSH: /^[a-zA-Z0-9]{70}$/,
}

const CUSTOM_KEY_RE = /^[a-zA-Z0-9_-]{3,250}$/

export function checkHashes(value: unknown, path: string, out: IssueCollector): void {
  if (!isPlainObject(value)) {
    out.add(path, 'property-type', `must be a hashes dictionary, got ${describeType(value)}`)
    return
  }
  const keys = Object.keys(value)
  if (keys.length === 0) out.add(path, 'empty-dictionary', 'hashes must have at least one entry')
  for (const key of keys) {
    const digest = value[key]
    const at = joinPath(path, key)
    if (typeof digest !== 'string') {
      out.add(at, 'property-type', `hash value must be a string, got ${describeType(digest)}`)
      continue
    }
    const form = DIGEST_FORMS[key]
    if (form) {
      if (!form.test(digest)) out.add(at, 'hash-value', `'${digest.slice(0, 200)}' is not a valid ${key} digest`)
    } else if (!CUSTOM_KEY_RE.test(key)) {
      out.add(at, 'dictionary-key', 'custom hash algorithm names must be 3-250 characters of a-z, A-Z, 0-9, - and _')
    }
  }
}

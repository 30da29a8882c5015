import { canonicalBytes } from '../canonical/jcs.js'
import { SIGNATURE_EXTENSION_ID } from './extension.js'

/** Defines an own enumerable property; plain assignment would treat "__proto__" specially. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

/**
 * The object as it was before signing (docs/protocol.md §3.3): without
 * extensions[SIGNATURE_EXTENSION_ID], and without `extensions` when that leaves it an empty
 * object. Returns a shallow copy when anything is removed; the input is never modified.
 */
export function withoutSignature(obj: Record<string, unknown>): Record<string, unknown> {
  const ext = obj.extensions
  if (!isPlainObject(ext)) return obj
  const hasSignature = Object.hasOwn(ext, SIGNATURE_EXTENSION_ID)
  const remaining = Object.keys(ext).filter((k) => k !== SIGNATURE_EXTENSION_ID)
  if (!hasSignature && remaining.length > 0) return obj
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(obj)) {
    if (key !== 'extensions') setOwn(copy, key, obj[key])
  }
  if (remaining.length > 0) {
    const keptExt: Record<string, unknown> = {}
    for (const k of remaining) setOwn(keptExt, k, ext[k])
    copy.extensions = keptExt
  }
  return copy
}

/**
 * The exact bytes a certmesh signature covers: UTF-8 of the RFC 8785 canonical JSON of
 * withoutSignature(obj). Throws CanonicalizationError if the object is not I-JSON.
 */
export function signedBytes(obj: Record<string, unknown>): Uint8Array {
  return canonicalBytes(withoutSignature(obj))
}

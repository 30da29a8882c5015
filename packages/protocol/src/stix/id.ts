/**
 * STIX identifiers and type names.
 * - Type names: STIX 2.1 §3.1 `type` — 3–250 characters, a–z, 0–9 and `-`; the OASIS
 *   schema (common/core.json) further requires a leading letter and no `--`.
 * - Identifiers: §2.9 — `<type>--<UUID>`, UUID per RFC 4122. SDOs/SROs SHOULD use v4 and
 *   SCOs SHOULD use v5; neither is a MUST, so any RFC 4122 version 1–5 with the RFC 4122
 *   variant is accepted (the versions the OASIS identifier.json pattern allows).
 */
import type { StixIdentifier } from './types/common.js'

export const TYPE_NAME_MIN_LENGTH = 3
export const TYPE_NAME_MAX_LENGTH = 250

const TYPE_NAME_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*-?$/
const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** Why `name` is not a valid STIX type name, or undefined when it is. */
export function typeNameProblem(name: string): string | undefined {
  if (name.length < TYPE_NAME_MIN_LENGTH) return `is shorter than ${TYPE_NAME_MIN_LENGTH} characters`
  if (name.length > TYPE_NAME_MAX_LENGTH) return `is longer than ${TYPE_NAME_MAX_LENGTH} characters`
  if (!/^[a-z0-9-]+$/.test(name)) return 'may only contain a-z, 0-9 and hyphen'
  if (name.includes('--')) return "must not contain '--'"
  if (!TYPE_NAME_RE.test(name)) return 'must start with a letter a-z'
  return undefined
}

export function isValidTypeName(name: string): boolean {
  return typeNameProblem(name) === undefined
}

/** Why `uuid` is not an RFC 4122 UUID of version 1–5, or undefined when it is. */
export function uuidProblem(uuid: string): string | undefined {
  if (!UUID_RE.test(uuid)) return 'is not in 8-4-4-4-12 hexadecimal form'
  const version = uuid.charAt(14)
  if (!'12345'.includes(version)) return `has version ${version}, expected an RFC 4122 version 1-5`
  const variant = uuid.charAt(19).toLowerCase()
  if (!'89ab'.includes(variant)) return 'does not have the RFC 4122 variant (8, 9, a or b)'
  return undefined
}

export function isValidUuid(uuid: string): boolean {
  return uuidProblem(uuid) === undefined
}

/** The UUID version digit (1–5), or undefined for a malformed UUID. */
export function uuidVersion(uuid: string): number | undefined {
  return isValidUuid(uuid) ? Number(uuid.charAt(14)) : undefined
}

export interface ParsedStixId {
  type: string
  uuid: string
}

/** Splits `<type>--<uuid>` at the last `--`; undefined when there is none. */
export function splitStixId(id: string): ParsedStixId | undefined {
  const at = id.lastIndexOf('--')
  if (at <= 0) return undefined
  return { type: id.slice(0, at), uuid: id.slice(at + 2) }
}

/** Why `id` is not a STIX identifier, or undefined when it is. */
export function stixIdProblem(id: string): string | undefined {
  const parts = splitStixId(id)
  if (!parts) return "is not of the form '<type>--<uuid>'"
  const typeProblem = typeNameProblem(parts.type)
  if (typeProblem) return `has an object type '${parts.type}' that ${typeProblem}`
  if (parts.type.endsWith('-')) return `has an object type '${parts.type}' that ends with '-'`
  const uuidIssue = uuidProblem(parts.uuid)
  if (uuidIssue) return `has a UUID part that ${uuidIssue}`
  return undefined
}

/** Parses a STIX identifier; undefined when it is not valid. */
export function parseStixId(id: string): ParsedStixId | undefined {
  return stixIdProblem(id) === undefined ? splitStixId(id) : undefined
}

export function isStixId(value: unknown): value is StixIdentifier {
  return typeof value === 'string' && stixIdProblem(value) === undefined
}

/** The object type named by an identifier, without validating it. */
export function idType(id: string): string | undefined {
  return splitStixId(id)?.type
}

/** A random RFC 4122 version 4 UUID from the platform CSPRNG (Web Crypto). */
export function uuidV4(): string {
  // Web Crypto's randomUUID (browsers, Node ≥ 19) is ~30× faster than building the text here.
  const native = (globalThis.crypto as { randomUUID?: () => string } | undefined)?.randomUUID
  if (native) return native.call(globalThis.crypto)
  const bytes = new Uint8Array(16)
  globalThis.crypto.getRandomValues(bytes)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A new identifier `<type>--<uuid v4>`; throws InvalidStixIdError for a bad type name or UUID. */
export function newStixId(type: string, uuid: string = uuidV4()): StixIdentifier {
  const problem = typeNameProblem(type)
  if (problem) throw new InvalidStixIdError(`STIX type name '${type}' ${problem}`)
  const uuidIssue = uuidProblem(uuid)
  if (uuidIssue) throw new InvalidStixIdError(`UUID '${uuid}' ${uuidIssue}`)
  return `${type}--${uuid}`
}

export class InvalidStixIdError extends Error {
  override readonly name = 'InvalidStixIdError'
}

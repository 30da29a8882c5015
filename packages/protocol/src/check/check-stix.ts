import { isBuiltinObject } from '../builtin/builtin.js'
import type { Ed25519 } from '../sign/ed25519.js'
import { SIGNATURE_EXTENSION_ID } from '../sign/extension.js'
import { nobleEd25519 } from '../sign/noble.js'
import { verifyObject } from '../sign/verify-object.js'
import { upgradeToStix21 } from '../stix/upgrade.js'
import { validateBundle, validateObject } from '../stix/validate/index.js'
import type { ValidationIssue } from '../stix/validate/issue.js'
import { checkStixPattern } from './pattern-check.js'

export interface CheckMessage {
  path: string
  rule: string
  message: string
}

export interface CheckedObject {
  index: number
  id?: string
  type?: string
  ok: boolean
  errors: CheckMessage[]
  /**
   * 'unsigned' is not an error unless `requireSignature` is set; 'builtin' marks an
   * exact copy of an object every node ships (TLP markings, extension definitions).
   */
  signature: 'valid' | 'invalid' | 'unsigned' | 'builtin'
  /** The signer's public key (base64url), when the signature verified. */
  signer?: string
}

export interface CheckReport {
  /** What the input was: a bundle, a bare JSON array of objects, or one object. */
  kind: 'bundle' | 'array' | 'object'
  ok: boolean
  /** Problems with the container itself (bundle envelope). */
  problems: CheckMessage[]
  objects: CheckedObject[]
  /** Changes made by the STIX 2.0 → 2.1 upgrade, when it was asked for. */
  upgraded: string[]
}

export interface CheckOptions {
  ed25519?: Ed25519
  /** An object without a certmesh signature is an error. */
  requireSignature?: boolean
  /** Upgrade STIX 2.0 input to 2.1 before validating. */
  upgrade?: boolean
}

const message = (i: ValidationIssue): CheckMessage => ({ path: i.path, rule: i.rule, message: i.message })

function hasSignature(obj: unknown): boolean {
  if (typeof obj !== 'object' || obj === null) return false
  const ext = (obj as { extensions?: unknown }).extensions
  return typeof ext === 'object' && ext !== null && SIGNATURE_EXTENSION_ID in ext
}

function checkOne(obj: unknown, index: number, issues: ValidationIssue[], opts: CheckOptions): CheckedObject {
  const rec = typeof obj === 'object' && obj !== null && !Array.isArray(obj) ? (obj as Record<string, unknown>) : {}
  const errors = issues.map(message)
  let signature: CheckedObject['signature'] = 'unsigned'
  let signer: string | undefined
  if (hasSignature(obj)) {
    const v = verifyObject(obj, opts.ed25519 ?? nobleEd25519)
    if (v.ok) {
      signature = 'valid'
      signer = v.publicKeyB64
    } else {
      signature = 'invalid'
      errors.push({ path: `extensions.${SIGNATURE_EXTENSION_ID}`, rule: `signature-${v.reason}`, message: v.message })
    }
  } else if (isBuiltinObject(obj)) {
    signature = 'builtin'
  } else if (opts.requireSignature) {
    errors.push({ path: 'extensions', rule: 'signature-unsigned', message: 'the object has no certmesh signature' })
  }
  const out: CheckedObject = { index, ok: errors.length === 0, errors, signature }
  if (typeof rec.id === 'string') out.id = rec.id
  if (typeof rec.type === 'string') out.type = rec.type
  if (signer !== undefined) out.signer = signer
  return out
}

/**
 * Validates STIX input the way `certmesh validate` does: every object against the STIX 2.1
 * rules, every `stix` pattern against the grammar, and every certmesh signature present.
 * Pure: nothing is stored.
 */
export function checkStix(input: unknown, opts: CheckOptions = {}): CheckReport {
  let value = input
  let upgraded: string[] = []
  if (opts.upgrade) {
    const r = upgradeToStix21(input)
    value = r.value
    upgraded = r.changes
  }
  const vopts = { checkPattern: checkStixPattern }
  if (Array.isArray(value)) {
    const objects = value.map((o, i) => checkOne(o, i, validateObject(o, vopts, i), opts))
    const problems: CheckMessage[] =
      value.length === 0 ? [{ path: '', rule: 'empty-list', message: 'the list holds no objects' }] : []
    return { kind: 'array', ok: problems.length === 0 && objects.every((o) => o.ok), problems, objects, upgraded }
  }
  if (typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'bundle') {
    const b = validateBundle(value, vopts)
    const list = (value as { objects?: unknown }).objects
    const items = Array.isArray(list) ? list : []
    const objects = b.objects.map((o) => checkOne(items[o.index], o.index, o.issues, opts))
    const problems = b.bundleIssues.map(message)
    return { kind: 'bundle', ok: problems.length === 0 && objects.every((o) => o.ok), problems, objects, upgraded }
  }
  const one = checkOne(value, 0, validateObject(value, vopts), opts)
  return { kind: 'object', ok: one.ok, problems: [], objects: [one], upgraded }
}

/**
 * Property value specifications and the checker that applies them. The per-type rule
 * tables (sdo-rules.ts, sco-rules.ts, …) describe each property with one of these.
 */
import { idType } from '../id.js'
import { ANY_REF, type RefTarget } from './categories.js'
import { type IssueCollector, describeType, isPlainObject, joinPath } from './issue.js'
import { checkHashes } from './hashes.js'
import { idProblem } from './fast-id.js'
import { hasMillisecondPrecision as hasMillis, stixTimestampProblem as timestampProblem } from '../timestamp.js'

export type PropSpec =
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'integer'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number }
  /** `millis`: §3.2 created/modified; `seconds`: exactly second precision (PE time_date_stamp). */
  | { kind: 'timestamp'; precision?: 'millis' | 'seconds' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'ref'; to: RefTarget }
  | { kind: 'list'; of: PropSpec }
  | { kind: 'hashes' }
  | { kind: 'dictionary'; values?: PropSpec }
  | { kind: 'hex' }
  | { kind: 'binary' }
  | { kind: 'object'; props: Readonly<Record<string, PropSpec>>; required?: readonly string[] }
  | { kind: 'any' }

export const str: PropSpec = { kind: 'string' }
export const bool: PropSpec = { kind: 'boolean' }
export const int: PropSpec = { kind: 'integer' }
export const uint: PropSpec = { kind: 'integer', min: 0 }
export const ts: PropSpec = { kind: 'timestamp' }
export const strList: PropSpec = { kind: 'list', of: str }
export const hashes: PropSpec = { kind: 'hashes' }
export const hex: PropSpec = { kind: 'hex' }
export const ref = (to: RefTarget = ANY_REF): PropSpec => ({ kind: 'ref', to })
export const refs = (to: RefTarget = ANY_REF): PropSpec => ({ kind: 'list', of: { kind: 'ref', to } })
export const oneOf = (...values: string[]): PropSpec => ({ kind: 'enum', values })
export const intRange = (min: number, max: number): PropSpec => ({ kind: 'integer', min, max })
export const obj = (props: Record<string, PropSpec>, required: string[] = []): PropSpec => ({ kind: 'object', props, required })

const HEX_RE = /^(?:[0-9a-fA-F]{2})+$/
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/
/** STIX 2.1 §2.8 dictionary keys. */
const DICT_KEY_RE = /^[a-zA-Z0-9_-]{1,250}$/

function wrongType(out: IssueCollector, path: string, expected: string, value: unknown): void {
  out.add(path, 'property-type', `must be ${expected}, got ${describeType(value)}`)
}

/** Checks an identifier value against a reference target (STIX 2.1 §2.9, §3.x *_ref). */
export function checkRef(value: unknown, to: RefTarget, path: string, out: IssueCollector): void {
  if (typeof value !== 'string') return wrongType(out, path, 'an identifier string', value)
  const problem = idProblem(value)
  if (problem) return out.add(path, 'ref-format', `reference '${value.slice(0, 300)}' ${problem}`)
  const type = idType(value) as string
  if (!to.allows(type)) out.add(path, 'ref-type', `must reference ${to.expected}, not '${type}'`)
}

export function checkTimestampValue(value: unknown, path: string, out: IssueCollector, precision?: 'millis' | 'seconds'): boolean {
  if (typeof value !== 'string') {
    wrongType(out, path, 'a timestamp string', value)
    return false
  }
  const problem = timestampProblem(value)
  if (problem) {
    out.add(path, 'timestamp-format', `'${value.slice(0, 64)}' ${problem}`)
    return false
  }
  if (precision === 'millis' && !hasMillis(value)) {
    out.add(path, 'timestamp-precision', `'${value}' must be precise to at least the millisecond (STIX 2.1 §3.2)`)
  }
  if (precision === 'seconds' && value.includes('.')) {
    out.add(path, 'timestamp-precision', `'${value}' must be precise to the second, without fractional digits`)
  }
  return true
}

/** Applies `spec` to `value` at `path`. */
export function checkValue(value: unknown, spec: PropSpec, path: string, out: IssueCollector): void {
  switch (spec.kind) {
    case 'any':
      return
    case 'string':
      if (typeof value !== 'string') wrongType(out, path, 'a string', value)
      return
    case 'boolean':
      if (typeof value !== 'boolean') wrongType(out, path, 'a boolean', value)
      return
    case 'integer':
    case 'number': {
      const ok = typeof value === 'number' && Number.isFinite(value) && (spec.kind === 'number' || Number.isInteger(value))
      if (!ok) return wrongType(out, path, spec.kind === 'integer' ? 'an integer' : 'a number', value)
      if ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max)) {
        out.add(path, 'value-range', `${value} is outside ${spec.min ?? '-∞'}..${spec.max ?? '∞'}`)
      }
      return
    }
    case 'timestamp':
      checkTimestampValue(value, path, out, spec.precision)
      return
    case 'enum':
      if (typeof value !== 'string') return wrongType(out, path, 'a string', value)
      if (!spec.values.includes(value)) {
        out.add(path, 'enum-value', `'${value.slice(0, 100)}' is not one of ${spec.values.map((v) => `'${v}'`).join(', ')}`)
      }
      return
    case 'ref':
      checkRef(value, spec.to, path, out)
      return
    case 'list':
      if (!Array.isArray(value)) return wrongType(out, path, 'a list', value)
      if (value.length === 0) out.add(path, 'empty-list', 'a list must not be empty')
      for (let i = 0; i < value.length; i++) {
        // Like forEach, skip holes of sparse arrays (never produced by JSON.parse).
        if (!(i in value)) continue
        checkValue(value[i], spec.of, joinPath(path, i), out)
      }
      return
    case 'hashes':
      checkHashes(value, path, out)
      return
    case 'dictionary':
      checkDictionary(value, path, out, spec.values)
      return
    case 'hex':
      if (typeof value !== 'string') return wrongType(out, path, 'a hex string', value)
      if (!HEX_RE.test(value)) out.add(path, 'value-format', 'must be an even number of hexadecimal digits')
      return
    case 'binary':
      if (typeof value !== 'string') return wrongType(out, path, 'a base64 string', value)
      if (!BASE64_RE.test(value)) out.add(path, 'value-format', 'must be RFC 4648 base64')
      return
    case 'object':
      if (!isPlainObject(value)) return wrongType(out, path, 'an object', value)
      for (const name of spec.required ?? []) {
        if (!Object.hasOwn(value, name)) out.add(joinPath(path, name), 'required-property', `required property '${name}' is missing`)
      }
      for (const [name, sub] of Object.entries(spec.props)) {
        if (Object.hasOwn(value, name)) checkValue(value[name], sub, joinPath(path, name), out)
      }
      return
  }
}

/** STIX 2.1 §2.8: a non-empty dictionary with keys of a–z A–Z 0–9 - _ up to 250 characters. */
export function checkDictionary(value: unknown, path: string, out: IssueCollector, values?: PropSpec): void {
  if (!isPlainObject(value)) return wrongType(out, path, 'a dictionary object', value)
  const keys = Object.keys(value)
  if (keys.length === 0) out.add(path, 'empty-dictionary', 'a dictionary must have at least one key')
  for (const key of keys) {
    if (!DICT_KEY_RE.test(key)) {
      out.add(joinPath(path, key), 'dictionary-key', 'dictionary keys may only contain a-z, A-Z, 0-9, - and _, up to 250 characters')
    }
    if (values) checkValue(value[key], values, joinPath(path, key), out)
  }
}

/** Checks every property of `obj` that `props` describes. */
export function checkProps(obj: Record<string, unknown>, props: Readonly<Record<string, PropSpec>>, base: string, out: IssueCollector): void {
  for (const name of Object.keys(props)) {
    if (Object.hasOwn(obj, name)) checkValue(obj[name], props[name] as PropSpec, joinPath(base, name), out)
  }
}

export function checkRequired(obj: Record<string, unknown>, names: readonly string[], base: string, out: IssueCollector): void {
  for (const name of names) {
    if (!Object.hasOwn(obj, name)) out.add(joinPath(base, name), 'required-property', `required property '${name}' is missing`)
  }
}

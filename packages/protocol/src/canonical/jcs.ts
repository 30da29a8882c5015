import { CanonicalizationError } from './errors.js'
import { childPath, ROOT_PATH } from './json-path.js'

/**
 * Nesting limit for canonicalisation. STIX objects are a few levels deep; the limit turns
 * hostile input into a typed error instead of a stack overflow (DESIGN.md invariant 7).
 */
export const MAX_CANONICAL_DEPTH = 1000

// RFC 8785 §3.2.2.2: only '"', '\\' and U+0000..U+001F are escaped. Lone surrogates are
// matched too because I-JSON (RFC 7493 §2.1, required by RFC 8785 §3.1) forbids them and
// UTF-8 cannot encode them without silently substituting U+FFFD.
const NEEDS_ATTENTION = /["\\\u0000-\u001f\ud800-\udfff]/

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
}

function serializeString(s: string, path: string): string {
  if (!NEEDS_ATTENTION.test(s)) return `"${s}"`
  let out = '"'
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i)
    const short = SHORT_ESCAPES[unit]
    if (short !== undefined) {
      out += short
    } else if (unit < 0x20) {
      out += `\\u${unit.toString(16).padStart(4, '0')}`
    } else if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1)
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw loneSurrogate(unit, i, path)
      out += s[i]! + s[i + 1]!
      i++
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw loneSurrogate(unit, i, path)
    } else {
      out += s[i]!
    }
  }
  return out + '"'
}

function loneSurrogate(unit: number, index: number, path: string): CanonicalizationError {
  const hex = unit.toString(16).padStart(4, '0')
  return new CanonicalizationError(
    'lone-surrogate',
    path,
    `string has a lone surrogate \\u${hex} at UTF-16 index ${index} (not allowed by I-JSON, RFC 7493 §2.1)`,
  )
}

function serializeNumber(n: number, path: string): string {
  if (!Number.isFinite(n)) {
    throw new CanonicalizationError('non-finite-number', path, `${String(n)} has no JSON representation`)
  }
  // RFC 8785 §3.2.2.3 adopts ECMAScript Number.prototype.toString, which String() is
  // (and it already maps -0 to "0").
  return String(n)
}

function isPlainObject(v: object): v is Record<string, unknown> {
  const proto: unknown = Object.getPrototypeOf(v)
  return proto === Object.prototype || proto === null
}

function describeType(v: unknown): string {
  if (v === undefined) return 'undefined'
  if (typeof v !== 'object' || v === null) return typeof v
  const ctor = (v as { constructor?: { name?: unknown } }).constructor
  return typeof ctor?.name === 'string' ? `an instance of ${ctor.name}` : 'a non-plain object'
}

class Serializer {
  private readonly ancestors = new Set<object>()

  value(v: unknown, path: string, depth: number): string {
    switch (typeof v) {
      case 'string':
        return serializeString(v, path)
      case 'number':
        return serializeNumber(v, path)
      case 'boolean':
        return v ? 'true' : 'false'
      case 'object':
        if (v === null) return 'null'
        return this.container(v, path, depth)
      default:
        throw new CanonicalizationError('unsupported-type', path, `${describeType(v)} is not a JSON value`)
    }
  }

  private container(v: object, path: string, depth: number): string {
    if (depth >= MAX_CANONICAL_DEPTH) {
      throw new CanonicalizationError('too-deep', path, `nesting deeper than ${MAX_CANONICAL_DEPTH} levels`)
    }
    if (this.ancestors.has(v)) {
      throw new CanonicalizationError('cycle', path, 'value refers back to one of its own ancestors')
    }
    this.ancestors.add(v)
    try {
      if (Array.isArray(v)) return this.array(v, path, depth)
      if (isPlainObject(v)) return this.object(v, path, depth)
      throw new CanonicalizationError('unsupported-type', path, `${describeType(v)} is not a JSON value`)
    } finally {
      this.ancestors.delete(v)
    }
  }

  private array(v: readonly unknown[], path: string, depth: number): string {
    const parts: string[] = []
    for (let i = 0; i < v.length; i++) parts.push(this.value(v[i], childPath(path, i), depth + 1))
    return `[${parts.join(',')}]`
  }

  private object(v: Record<string, unknown>, path: string, depth: number): string {
    // RFC 8785 §3.2.3: sort by UTF-16 code units, which is exactly what the default
    // Array.prototype.sort comparison does for strings (localeCompare would be wrong).
    const keys = Object.keys(v).sort()
    const parts: string[] = []
    for (const key of keys) {
      const at = childPath(path, key)
      parts.push(`${serializeString(key, at)}:${this.value(v[key], at, depth + 1)}`)
    }
    return `{${parts.join(',')}}`
  }
}

/**
 * RFC 8785 JSON Canonicalization Scheme. Accepts the JSON data model only: null, booleans,
 * finite numbers, strings without lone surrogates, arrays, and plain objects. Anything else
 * (undefined, functions, symbols, bigint, class instances, cycles) raises a
 * CanonicalizationError naming the JSON path, because a signature must never cover bytes
 * that depend on how a value happened to be coerced.
 */
export function canonicalize(value: unknown): string {
  return new Serializer().value(value, ROOT_PATH, 0)
}

const encoder = new TextEncoder()

/** UTF-8 bytes of canonicalize(value); RFC 8785 §3.2.4 mandates UTF-8. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalize(value))
}

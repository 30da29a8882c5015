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

function serializeString(s: string, at: { path(): string }): string {
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
      if (!(next >= 0xdc00 && next <= 0xdfff)) throw loneSurrogate(unit, i, at.path())
      out += s[i]! + s[i + 1]!
      i++
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      throw loneSurrogate(unit, i, at.path())
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

/**
 * Error paths are built only when an error is thrown: the serializer keeps the keys and
 * indexes from the root in `trail`, so the hot path does no string work for paths.
 */
class Serializer {
  private readonly ancestors = new Set<object>()
  private readonly trail: (string | number)[] = []

  path(): string {
    let p = ROOT_PATH
    for (const k of this.trail) p = childPath(p, k)
    return p
  }

  value(v: unknown, depth: number): string {
    switch (typeof v) {
      case 'string':
        return this.string(v)
      case 'number':
        if (!Number.isFinite(v)) throw new CanonicalizationError('non-finite-number', this.path(), `${String(v)} has no JSON representation`)
        // RFC 8785 §3.2.2.3 adopts ECMAScript Number.prototype.toString, which String() is
        // (and it already maps -0 to "0").
        return String(v)
      case 'boolean':
        return v ? 'true' : 'false'
      case 'object':
        if (v === null) return 'null'
        return this.container(v, depth)
      default:
        throw new CanonicalizationError('unsupported-type', this.path(), `${describeType(v)} is not a JSON value`)
    }
  }

  string(s: string): string {
    return NEEDS_ATTENTION.test(s) ? serializeString(s, this) : `"${s}"`
  }

  private container(v: object, depth: number): string {
    if (depth >= MAX_CANONICAL_DEPTH) {
      throw new CanonicalizationError('too-deep', this.path(), `nesting deeper than ${MAX_CANONICAL_DEPTH} levels`)
    }
    if (this.ancestors.has(v)) {
      throw new CanonicalizationError('cycle', this.path(), 'value refers back to one of its own ancestors')
    }
    this.ancestors.add(v)
    try {
      if (Array.isArray(v)) return this.array(v, depth)
      if (isPlainObject(v)) return `{${this.members(v, Object.keys(v).sort(), depth)}}`
      throw new CanonicalizationError('unsupported-type', this.path(), `${describeType(v)} is not a JSON value`)
    } finally {
      this.ancestors.delete(v)
    }
  }

  private array(v: readonly unknown[], depth: number): string {
    let out = '['
    for (let i = 0; i < v.length; i++) {
      this.trail.push(i)
      out += (i === 0 ? '' : ',') + this.value(v[i], depth + 1)
      this.trail.pop()
    }
    return out + ']'
  }

  /**
   * `"key":value` pairs of `keys` (already sorted), comma-separated. RFC 8785 §3.2.3: sort
   * by UTF-16 code units, which is exactly what the default Array.prototype.sort comparison
   * does for strings (localeCompare would be wrong).
   */
  members(v: Record<string, unknown>, keys: readonly string[], depth: number): string {
    let out = ''
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string
      this.trail.push(key)
      out += `${i === 0 ? '' : ','}${this.string(key)}:${this.value(v[key], depth + 1)}`
      this.trail.pop()
    }
    return out
  }

  split(v: Record<string, unknown>, keys: readonly string[], cut: number): CanonicalSplit {
    this.ancestors.add(v)
    return { before: this.members(v, keys.slice(0, cut), 0), after: this.members(v, keys.slice(cut), 0) }
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
  return new Serializer().value(value, 0)
}

const encoder = new TextEncoder()

/** UTF-8 bytes of canonicalize(value); RFC 8785 §3.2.4 mandates UTF-8. */
export function canonicalBytes(value: unknown): Uint8Array {
  return encoder.encode(canonicalize(value))
}

/** The canonical text of a plain object split around where member `key` would go. */
export interface CanonicalSplit {
  /** Canonical members sorting before `key`, comma-joined (may be empty). */
  readonly before: string
  /** Canonical members sorting after `key`, comma-joined (may be empty). */
  readonly after: string
}

/**
 * RFC 8785 text of a plain object `value` that lacks `key`, cut at the place member `key`
 * would take (§3.2.3 order). `{before,after}` (joined with a comma when both are non-empty)
 * is canonicalize(value); inserting `"key":<canonical value>` there gives the canonical text
 * of the object with that member added, so a signer canonicalizes once (docs/protocol.md §3.4).
 */
export function canonicalSplit(value: Record<string, unknown>, key: string): CanonicalSplit {
  if (!isPlainObject(value)) throw new CanonicalizationError('unsupported-type', ROOT_PATH, `${describeType(value)} is not a plain object`)
  if (Object.hasOwn(value, key)) throw new CanonicalizationError('unsupported-type', ROOT_PATH, `object already has member ${JSON.stringify(key)}`)
  const keys = Object.keys(value).sort()
  let cut = 0
  while (cut < keys.length && (keys[cut] as string) < key) cut++
  return new Serializer().split(value, keys, cut)
}

/** `{before,after}` with a comma only between two non-empty parts. */
export function joinSplit(split: CanonicalSplit, member?: string): string {
  let out = '{' + split.before
  if (member !== undefined) out += (out.length > 1 ? ',' : '') + member
  if (split.after !== '') out += (out.length > 1 ? ',' : '') + split.after
  return out + '}'
}

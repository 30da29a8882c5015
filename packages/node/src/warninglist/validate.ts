import { compileEntry } from './entry.js'
import { WarninglistError } from './errors.js'
import { DEFAULT_WARNINGLIST_LIMITS, type WarninglistLimits } from './limits.js'
import { WARNINGLIST_TYPES, type Warninglist, type WarninglistCategory, type WarninglistType } from './types.js'

/**
 * The MISP warninglist schema (misp-warninglists `schema.json`: `additionalProperties`
 * false, `list` and `matching_attributes` with unique items, `version` an integer), plus
 * `category`, which upstream lists carry although the schema omits it. certmesh also
 * requires `matching_attributes`: without it a list would apply to nothing.
 */
const KNOWN_PROPERTIES = ['name', 'version', 'description', 'matching_attributes', 'type', 'list', 'category']
const CATEGORIES: readonly WarninglistCategory[] = ['false-positive', 'known']
const MAX_NAME_LENGTH = 256

function describe(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'an array'
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`
}

/** Check a parsed JSON value against the warninglist format and compile every entry once. */
export function validateWarninglist(
  json: unknown,
  file: string,
  limits: WarninglistLimits = DEFAULT_WARNINGLIST_LIMITS,
): Warninglist {
  const fail = (property: string | undefined, problem: string): never => {
    throw new WarninglistError(file, property, problem)
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return fail(undefined, `a warninglist must be a JSON object, got ${describe(json)}`)
  }
  const obj = json as Record<string, unknown>
  for (const key of Object.keys(obj)) {
    if (!KNOWN_PROPERTIES.includes(key)) fail(key, `unknown property (allowed: ${KNOWN_PROPERTIES.join(', ')})`)
  }
  for (const key of KNOWN_PROPERTIES) {
    if (key !== 'category' && !(key in obj)) fail(key, 'required property is missing')
  }
  const { name, version, description, type, category } = obj
  if (typeof name !== 'string' || name.trim().length === 0) {
    return fail('name', `must be a non-empty string, got ${describe(name)}`)
  }
  if (name.length > MAX_NAME_LENGTH) fail('name', `is ${name.length} characters, over the limit of ${MAX_NAME_LENGTH}`)
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    return fail('version', `must be an integer, got ${describe(version)}`)
  }
  if (typeof description !== 'string') return fail('description', `must be a string, got ${describe(description)}`)
  if (typeof type !== 'string' || !WARNINGLIST_TYPES.includes(type as WarninglistType)) {
    return fail('type', `must be one of ${WARNINGLIST_TYPES.join(', ')}, got ${describe(type)}`)
  }
  if (category !== undefined && !CATEGORIES.includes(category as WarninglistCategory)) {
    fail('category', `must be one of ${CATEGORIES.join(', ')}, got ${describe(category)}`)
  }
  const matchingAttributes = stringArray(obj.matching_attributes, 'matching_attributes', limits.maxEntryLength, fail)
  if (matchingAttributes.length === 0) fail('matching_attributes', 'is empty, so the list would never apply')
  const list = stringArray(obj.list, 'list', limits.maxEntryLength, fail, limits.maxEntries)
  for (let i = 0; i < list.length; i++) {
    const r = compileEntry(type as WarninglistType, list[i] ?? '', limits.maxRegexLength)
    if (!r.ok) fail(`list[${i}]`, r.problem)
  }
  const result: Warninglist = { name, version, description, matchingAttributes, type: type as WarninglistType, list }
  if (category !== undefined) result.category = category as WarninglistCategory
  return result
}

function stringArray(
  v: unknown,
  property: string,
  maxLength: number,
  fail: (property: string, problem: string) => never,
  maxItems = Number.POSITIVE_INFINITY,
): string[] {
  if (!Array.isArray(v)) return fail(property, `must be an array of strings, got ${describe(v)}`)
  if (v.length > maxItems) fail(property, `has ${v.length} entries, over the limit of ${maxItems}`)
  const seen = new Map<string, number>()
  for (let i = 0; i < v.length; i++) {
    const item: unknown = v[i]
    if (typeof item !== 'string') fail(`${property}[${i}]`, `must be a string, got ${describe(item)}`)
    const s = item as string
    if (s.length > maxLength) fail(`${property}[${i}]`, `is ${s.length} characters, over the limit of ${maxLength}`)
    const first = seen.get(s)
    if (first !== undefined) {
      fail(`${property}[${i}]`, `duplicates ${property}[${first}] (the schema requires unique items)`)
    }
    seen.set(s, i)
  }
  return (v as string[]).slice()
}

import { describe, expect, it } from 'vitest'
import { WarninglistError } from './errors.js'
import { DEFAULT_WARNINGLIST_LIMITS } from './limits.js'
import { parseWarninglist, validateWarninglist } from './load.js'

const good = {
  name: 'Test list',
  version: 3,
  description: 'for tests',
  matching_attributes: ['ip-src', 'ip-dst'],
  type: 'cidr',
  list: ['10.0.0.0/8', '192.0.2.1'],
}

function without(key: string): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...good }
  delete copy[key]
  return copy
}

function refusal(json: unknown, limits = DEFAULT_WARNINGLIST_LIMITS): WarninglistError {
  try {
    validateWarninglist(json, 'lists/test.json', limits)
  } catch (e) {
    expect(e).toBeInstanceOf(WarninglistError)
    return e as WarninglistError
  }
  throw new Error('expected a WarninglistError')
}

describe('validateWarninglist', () => {
  it('accepts a well-formed list and maps it to camelCase', () => {
    const l = validateWarninglist({ ...good, category: 'known' }, 'x.json')
    expect(l).toEqual({
      name: 'Test list',
      version: 3,
      description: 'for tests',
      matchingAttributes: ['ip-src', 'ip-dst'],
      type: 'cidr',
      list: ['10.0.0.0/8', '192.0.2.1'],
      category: 'known',
    })
  })

  it.each([
    [[], undefined, 'a warninglist must be a JSON object, got an array'],
    [{ ...good, extra: 1 }, 'extra', 'unknown property'],
    [without('name'), 'name', 'required property is missing'],
    [without('list'), 'list', 'required property is missing'],
    [{ ...good, name: '  ' }, 'name', 'must be a non-empty string'],
    [{ ...good, version: '3' }, 'version', 'must be an integer, got the string "3"'],
    [{ ...good, version: 1.5 }, 'version', 'must be an integer'],
    [{ ...good, description: 7 }, 'description', 'must be a string, got number 7'],
    [{ ...good, type: 'glob' }, 'type', 'must be one of cidr, string, hostname, substring, regex'],
    [{ ...good, category: 'bad' }, 'category', 'must be one of false-positive, known'],
    [{ ...good, matching_attributes: 'ip-src' }, 'matching_attributes', 'must be an array of strings'],
    [{ ...good, matching_attributes: [] }, 'matching_attributes', 'is empty'],
    [{ ...good, matching_attributes: ['ip-src', 4] }, 'matching_attributes[1]', 'must be a string, got number 4'],
    [{ ...good, list: ['10.0.0.0/8', null] }, 'list[1]', 'must be a string, got null'],
    [{ ...good, list: ['10.0.0.0/8', '1.2.3.4', '10.0.0.0/8'] }, 'list[2]', 'duplicates list[0]'],
    [{ ...good, list: ['10.0.0.0/8', '10.0.0.0/33'] }, 'list[1]', '"10.0.0.0/33" is not an IPv4 or IPv6 address or prefix'],
    [{ ...good, list: [''] }, 'list[0]', 'entry is empty'],
    [{ ...good, type: 'hostname', list: ['ok.example', 'bad host'] }, 'list[1]', 'contains white space'],
    [{ ...good, type: 'regex', list: ['/(?>a)/'] }, 'list[0]', 'atomic group'],
  ])('refuses %j at %s', (json, property, problem) => {
    const e = refusal(json)
    expect(e.name).toBe('WarninglistError')
    expect(e.file).toBe('lists/test.json')
    expect(e.property).toBe(property)
    expect(e.problem).toContain(problem)
    expect(e.message).toBe(
      property === undefined ? `lists/test.json: ${e.problem}` : `lists/test.json: ${property}: ${e.problem}`,
    )
  })

  it('enforces the entry-count and entry-length limits', () => {
    const limits = { ...DEFAULT_WARNINGLIST_LIMITS, maxEntries: 1, maxEntryLength: 12 }
    expect(refusal(good, limits).problem).toBe('has 2 entries, over the limit of 1')
    const long = refusal({ ...good, list: ['10.0.0.0/8', '2001:db8::1/128'] }, { ...limits, maxEntries: 10 })
    expect([long.property, long.problem]).toEqual(['list[1]', 'is 15 characters, over the limit of 12'])
  })
})

describe('parseWarninglist', () => {
  it('parses bytes, drops a BOM and records the base name', () => {
    const bytes = new TextEncoder().encode('\uFEFF' + JSON.stringify(good))
    const l = parseWarninglist(bytes, '/data/warninglists/test.json')
    expect(l.file).toBe('test.json')
    expect(l.list).toHaveLength(2)
  })
  it('refuses invalid JSON, invalid UTF-8 and oversized input without property', () => {
    const bad = (input: string | Uint8Array, limits = DEFAULT_WARNINGLIST_LIMITS) => {
      try {
        parseWarninglist(input, 'f.json', limits)
      } catch (e) {
        return [(e as WarninglistError).property, (e as WarninglistError).problem]
      }
      throw new Error('expected an error')
    }
    expect(bad('{"name": "x",}')[1]).toMatch(/^not valid JSON: /)
    expect(bad(new Uint8Array([0x7b, 0xff, 0x7d]))).toEqual([undefined, 'file is not valid UTF-8'])
    expect(bad(JSON.stringify(good), { ...DEFAULT_WARNINGLIST_LIMITS, maxFileBytes: 10 })[1]).toMatch(
      /^file is \d+ bytes, over the limit of 10$/,
    )
  })
})

import { describe, expect, it } from 'vitest'
import type { Comparison, ComparisonOr, Observation, ObservationOr, Qualified } from './ast.js'
import { withoutOffsets } from './equal.js'
import { PatternSyntaxError } from './errors.js'
import { MAX_NESTING_DEPTH, MAX_PATTERN_BYTES } from './limits.js'
import { parsePattern } from './parser.js'

function parseError(src: string): PatternSyntaxError {
  try {
    parsePattern(src)
  } catch (e) {
    if (e instanceof PatternSyntaxError) return e
    throw e
  }
  throw new Error(`parsed without error: ${src}`)
}

const shape = (src: string): unknown => withoutOffsets(parsePattern(src))
const kinds = (src: string): unknown => {
  const strip = (n: unknown): unknown => {
    if (typeof n !== 'object' || n === null) return n
    const o = n as Record<string, unknown>
    if (o.kind === 'observation') return 'obs'
    if (o.kind === 'qualified') return { q: (o.qualifier as { kind: string }).kind, of: strip(o.operand) }
    if (o.kind === 'followedby') return { fb: [strip(o.left), strip(o.right)] }
    return { [String(o.kind)]: (o.operands as unknown[]).map(strip) }
  }
  return strip(parsePattern(src))
}

describe('observation-level structure', () => {
  it('binds AND tighter than OR, and OR tighter than FOLLOWEDBY', () => {
    expect(kinds('[a:b=1] FOLLOWEDBY [a:b=2] OR [a:b=3] AND [a:b=4]')).toEqual({
      fb: ['obs', { 'observation-or': ['obs', { 'observation-and': ['obs', 'obs'] }] }],
    })
  })

  it('keeps FOLLOWEDBY binary and left-associative', () => {
    expect(kinds('[a:b=1] FOLLOWEDBY [a:b=2] FOLLOWEDBY [a:b=3]')).toEqual({ fb: [{ fb: ['obs', 'obs'] }, 'obs'] })
    expect(kinds('[a:b=1] FOLLOWEDBY ([a:b=2] FOLLOWEDBY [a:b=3])')).toEqual({ fb: ['obs', { fb: ['obs', 'obs'] }] })
  })

  it('flattens AND and OR through parentheses', () => {
    expect(kinds('([a:b=1] AND [a:b=2]) AND ([a:b=3] AND [a:b=4])')).toEqual({
      'observation-and': ['obs', 'obs', 'obs', 'obs'],
    })
    expect(shape('(([a:b=1]))')).toEqual(shape('[a:b=1]'))
  })

  it('attaches qualifiers to the observation expression before them, one per node', () => {
    expect(kinds('[a:b=1] AND [a:b=2] REPEATS 5 TIMES WITHIN 10 SECONDS')).toEqual({
      'observation-and': ['obs', { q: 'within', of: { q: 'repeats', of: 'obs' } }],
    })
    expect(kinds('([a:b=1] OR [a:b=2]) WITHIN 1 SECONDS')).toEqual({ q: 'within', of: { 'observation-or': ['obs', 'obs'] } })
  })

  it('reads qualifier values', () => {
    const p = parsePattern("[a:b=1] START t'2020-01-01T00:00:00Z' STOP t'2020-01-01T00:00:00.001Z'") as Qualified
    expect(withoutOffsets(p.qualifier)).toEqual({
      kind: 'startstop',
      start: '2020-01-01T00:00:00Z',
      stop: '2020-01-01T00:00:00.001Z',
    })
    expect(withoutOffsets((parsePattern('[a:b=1] WITHIN +0.50 SECONDS') as Qualified).qualifier)).toEqual({
      kind: 'within',
      seconds: '0.5',
    })
    expect(withoutOffsets((parsePattern('[a:b=1] REPEATS 3 TIMES') as Qualified).qualifier)).toEqual({
      kind: 'repeats',
      times: 3,
    })
  })

  it('allows a repeated qualifier only on a parenthesised group', () => {
    expect(kinds('([a:b=1]) WITHIN 5 SECONDS WITHIN 6 SECONDS')).toEqual({
      q: 'within',
      of: { q: 'within', of: 'obs' },
    })
    const e = parseError('[a:b=1] WITHIN 5 SECONDS REPEATS 2 TIMES WITHIN 6 SECONDS')
    expect(e.code).toBe('semantic')
    expect(e.column).toBe(42)
  })
})

describe('comparison-level structure', () => {
  it('binds AND tighter than OR and flattens both', () => {
    const p = parsePattern('[a:b=1 OR a:b=2 AND a:c=3 OR (a:d=4 OR a:e=5)]') as Observation
    expect(p.comparison.kind).toBe('comparison-or')
    const ops = (p.comparison as ComparisonOr).operands.map((o) => o.kind)
    expect(ops).toEqual(['comparison', 'comparison-and', 'comparison', 'comparison'])
  })

  it('reads NOT, EXISTS and every operator', () => {
    const ops = ['=', '!=', '>', '<', '>=', '<=']
    for (const op of ops) {
      const c = (parsePattern(`[a:b NOT ${op} 1]`) as Observation).comparison as Comparison
      expect([c.operator, c.negated]).toEqual([op, true])
    }
    for (const op of ['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET']) {
      const c = (parsePattern(`[a:b ${op} 'x']`) as Observation).comparison as Comparison
      expect([c.operator, c.negated]).toEqual([op, false])
    }
    expect(shape('[NOT EXISTS a:b]')).toEqual({
      kind: 'observation',
      comparison: { kind: 'exists', negated: true, path: { objectType: 'a', steps: [{ kind: 'key', name: 'b' }] } },
    })
  })

  it('reads object paths with quoted keys, indexes, [*] and references', () => {
    const c = (parsePattern("[x-foo:'first'.a_ref.b[*][-1][+2].'c-d' = 1]") as Observation).comparison as Comparison
    expect(withoutOffsets(c.path)).toEqual({
      objectType: 'x-foo',
      steps: [
        { kind: 'key', name: 'first' },
        { kind: 'key', name: 'a_ref' },
        { kind: 'key', name: 'b' },
        { kind: 'any' },
        { kind: 'index', index: -1 },
        { kind: 'index', index: 2 },
        { kind: 'key', name: 'c-d' },
      ],
    })
  })

  it('reads every constant kind', () => {
    const value = (lit: string): unknown =>
      withoutOffsets(((parsePattern(`[a:b = ${lit}]`) as Observation).comparison as Comparison).value)
    expect(value("'x'")).toEqual({ kind: 'string', value: 'x' })
    expect(value('-3')).toEqual({ kind: 'int', value: '-3' })
    expect(value('123456789012345678901234567890')).toEqual({ kind: 'int', value: '123456789012345678901234567890' })
    expect(value('2.50')).toEqual({ kind: 'float', value: '2.5' })
    expect(value('true')).toEqual({ kind: 'bool', value: true })
    expect(value("h'FF'")).toEqual({ kind: 'hex', value: 'ff' })
    expect(value("b'AAAA'")).toEqual({ kind: 'binary', value: 'AAAA' })
    expect(value("t'2020-02-02T02:02:02Z'")).toEqual({ kind: 'timestamp', value: '2020-02-02T02:02:02Z' })
    const set = withoutOffsets(((parsePattern("[a:b IN ('x', 1, true)]") as Observation).comparison as Comparison).value)
    expect(set).toEqual({
      kind: 'set',
      values: [
        { kind: 'string', value: 'x' },
        { kind: 'int', value: '1' },
        { kind: 'bool', value: true },
      ],
    })
    expect(withoutOffsets(((parsePattern('[a:b IN ()]') as Observation).comparison as Comparison).value)).toEqual({
      kind: 'set',
      values: [],
    })
  })

  it('records source offsets', () => {
    const p = parsePattern("[a:b = 'x'] OR  ([c:d = 1])") as ObservationOr
    const [first, second] = p.operands
    expect([p.offset, first?.offset, second?.offset]).toEqual([0, 0, 16])
    const c = (second as Observation).comparison as Comparison
    expect([c.offset, c.path.offset, c.value.offset]).toEqual([18, 18, 24])
  })
})

describe('errors point at the problem', () => {
  it.each([
    ['[a:b = 1] AND', 14, 'syntax', "expected '[' or '(' to start an observation expression but found end of pattern"],
    ['[a:b = 1 a:c = 2]', 10, 'syntax', "expected ']' to close the observation but found 'a'"],
    ['[a:b = 1 AND ]', 14, 'syntax', "expected an object type (such as file or ipv4-addr) but found ']'"],
    ['[file:hashes.SHA-256 = 1]', 14, 'syntax', "property name 'SHA-256' contains '-': quote it as 'SHA-256'"],
    ['[a:b.c.AND = 1]', 8, 'syntax', "expected a property name after '.' but found 'AND'"],
    ['[a:b[x] = 1]', 6, 'syntax', "expected a list index (an integer or '*') but found 'x'"],
    ['[a:b ~ 1]', 6, 'syntax', 'expected a comparison operator'],
    ['[a:b > true]', 8, 'syntax', 'expected a number, string, timestamp, hex or binary constant'],
    ['[a:b LIKE 1]', 11, 'syntax', "expected a quoted string after LIKE but found '1'"],
    ["[a:b IN 'x']", 9, 'syntax', "expected '(' to start the set after IN but found ''x''"],
    ["[a:b IN ('x' 'y')]", 14, 'syntax', "expected ')' to close the set but found ''y''"],
    ['[NOT a:b = 1]', 6, 'syntax', "expected 'EXISTS' after NOT"],
    ['([a:b = 1]', 11, 'syntax', "expected ')' to close the group but found end of pattern"],
    ['[a:b = 1] WITHIN 0 SECONDS', 18, 'semantic', 'WITHIN needs a positive number of seconds, not 0'],
    ['[a:b = 1] WITHIN 0.0 SECONDS', 18, 'semantic', 'WITHIN needs a positive number of seconds'],
    ['[a:b = 1] REPEATS 0 TIMES', 19, 'semantic', 'REPEATS needs a positive integer, not 0'],
    ['[a:b = 1] REPEATS 1.5 TIMES', 19, 'syntax', "expected a positive integer after REPEATS but found '1.5'"],
    [
      "[a:b = 1] START t'2020-01-02T00:00:00Z' STOP t'2020-01-01T00:00:00Z'",
      46,
      'semantic',
      "STOP t'2020-01-01T00:00:00Z' is not later than START t'2020-01-02T00:00:00Z'",
    ],
    ["[a:b = 1] START t'2020-01-01T00:00:00.10Z' STOP t'2020-01-01T00:00:00.1Z'", 49, 'semantic', 'is not later than'],
    ["[file:hashes.MD5 = 'abc']", 20, 'semantic', "'abc' is not a valid MD5 hash (expected 32 hex digits)"],
    ["[file:hashes.sha1 != 'zz']", 22, 'semantic', "'zz' is not a valid SHA-1 hash"],
    ["[file:hashes.'SHA-256' IN ('00', 'x')]", 28, 'semantic', 'is not a valid SHA-256 hash'],
    ["[file:hashes.SSDEEP = 'a b']", 23, 'semantic', "'a b' is not a valid SSDEEP hash"],
    ['', 1, 'syntax', "expected '[' or '(' to start an observation expression but found end of pattern"],
  ])('%s → column %i', (src, column, code, reason) => {
    const e = parseError(src)
    expect(e.column).toBe(column)
    expect(e.code).toBe(code)
    expect(e.reason).toContain(reason)
    expect(e.message).toBe(`pattern: at column ${column}: ${e.reason}`)
  })

  it('fills expected and found', () => {
    const e = parseError('[a:b = 1 AND a:c = 2 OR')
    expect([e.expected, e.found]).toEqual(['an object type (such as file or ipv4-addr)', 'end of pattern'])
    expect(e.offset).toBe(23)
  })

  it('gives line and column for a multi-line pattern', () => {
    const e = parseError("[a:b = 1]\nAND\n  [a:c = ]")
    expect([e.line, e.column, e.offset]).toEqual([3, 10, 23])
    expect(e.message).toMatch(/^pattern: at line 3, column 10: expected a constant/)
  })

  it('accepts hash values it cannot check (unknown algorithm, TLSH, LIKE)', () => {
    expect(() => parsePattern("[file:hashes.x_custom = 'abc']")).not.toThrow()
    expect(() => parsePattern("[file:hashes.TLSH = 'abc']")).not.toThrow()
    expect(() => parsePattern("[file:hashes.MD5 LIKE 'ab%']")).not.toThrow()
    expect(() => parsePattern("[file:hashes.MD5 NOT = 'CEAD3F77F6CDA6EC00F57D76C9A6879F']")).not.toThrow()
  })
})

describe('limits', () => {
  const longPattern = (bytes: number): string => {
    const head = "[a:b = '"
    const tail = "']"
    return head + 'x'.repeat(bytes - head.length - tail.length) + tail
  }

  it(`accepts a pattern of exactly ${MAX_PATTERN_BYTES} bytes`, () => {
    expect(() => parsePattern(longPattern(MAX_PATTERN_BYTES))).not.toThrow()
  })

  it('rejects one byte more, pointing at the first byte past the limit', () => {
    const e = parseError(longPattern(MAX_PATTERN_BYTES + 1))
    expect([e.code, e.offset]).toEqual(['limit', MAX_PATTERN_BYTES])
    expect(e.reason).toBe(`pattern is longer than the limit of ${MAX_PATTERN_BYTES} bytes`)
  })

  it('counts UTF-8 bytes, not characters', () => {
    const src = `[a:b = '${'é'.repeat(MAX_PATTERN_BYTES / 2)}']`
    expect(src.length).toBeLessThan(MAX_PATTERN_BYTES)
    expect(parseError(src).code).toBe('limit')
  })

  it(`accepts ${MAX_NESTING_DEPTH} levels of nesting and rejects one more at its bracket`, () => {
    const nest = (n: number): string => `${'('.repeat(n - 1)}[a:b = 1]${')'.repeat(n - 1)}`
    expect(() => parsePattern(nest(MAX_NESTING_DEPTH))).not.toThrow()
    const e = parseError(nest(MAX_NESTING_DEPTH + 1))
    expect([e.code, e.offset]).toEqual(['limit', MAX_NESTING_DEPTH])
    const inner = `[${'('.repeat(MAX_NESTING_DEPTH)}a:b = 1${')'.repeat(MAX_NESTING_DEPTH)}]`
    expect(parseError(inner).offset).toBe(MAX_NESTING_DEPTH)
  })

  it('limits REPEATS counts and list indexes to exact integers', () => {
    expect(() => parsePattern('[a:b = 1] REPEATS 9007199254740991 TIMES')).not.toThrow()
    const repeats = parseError('[a:b = 1] REPEATS 9007199254740993 TIMES')
    expect([repeats.code, repeats.column]).toEqual(['limit', 19])
    expect(() => parsePattern('[a:b[-2147483647] = 1]')).not.toThrow()
    const index = parseError('[a:b[2147483648] = 1]')
    expect([index.code, index.column]).toEqual(['limit', 6])
  })

  it('parses a long flat chain without deep recursion', () => {
    const chain = Array.from({ length: 3000 }, (_, i) => `[a:b = ${i}]`).join(' OR ')
    const p = parsePattern(chain) as ObservationOr
    expect(p.operands).toHaveLength(3000)
  })
})

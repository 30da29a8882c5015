import { describe, expect, it } from 'vitest'
import type {
  ComparisonExpression,
  ComparisonOperator,
  Constant,
  ObjectPath,
  ObservationExpression,
  PathStep,
  PrimitiveConstant,
  Qualifier,
} from './ast.js'
import { astEqual, withoutOffsets } from './equal.js'
import { parsePattern } from './parser.js'
import { printPattern } from './print.js'

const canonical = (src: string): string => printPattern(parsePattern(src))

describe('printPattern canonical text', () => {
  it.each([
    ['[a:b==1]', '[a:b = 1]'],
    ["[a:b<>'x'  AND   a:c>=+2]", "[a:b != 'x' AND a:c >= 2]"],
    ['( [a:b = 1] )', '[a:b = 1]'],
    ['[ (a:b = 1) ]', '[a:b = 1]'],
    ['[a:b = 1 AND (a:c = 2 OR a:d = 3)]', '[a:b = 1 AND (a:c = 2 OR a:d = 3)]'],
    ['[(a:b = 1 AND a:c = 2) OR a:d = 3]', '[a:b = 1 AND a:c = 2 OR a:d = 3]'],
    ['[a:b = 1] AND ([a:c = 2] OR [a:d = 3])', '[a:b = 1] AND ([a:c = 2] OR [a:d = 3])'],
    ['([a:b = 1] AND [a:c = 2]) OR [a:d = 3]', '[a:b = 1] AND [a:c = 2] OR [a:d = 3]'],
    ['[a:b = 1] OR ([a:c = 2] FOLLOWEDBY [a:d = 3])', '[a:b = 1] OR ([a:c = 2] FOLLOWEDBY [a:d = 3])'],
    ['([a:b = 1] OR [a:c = 2]) FOLLOWEDBY [a:d = 3]', '[a:b = 1] OR [a:c = 2] FOLLOWEDBY [a:d = 3]'],
    ["[file:hashes.'MD5' = 'cead3f77f6cda6ec00f57d76c9a6879f']", "[file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f']"],
    ["[a:'AND'.'x y'.'true'.ok = 1]", "[a:'AND'.'x y'.'true'.ok = 1]"],
    [String.raw`[a:b = 'it\'s a\\b']`, String.raw`[a:b = 'it\'s a\\b']`],
    ["[a:b = h'ABCD' OR a:c = t'2020-01-01T00:00:00.100Z']", "[a:b = h'abcd' OR a:c = t'2020-01-01T00:00:00.1Z']"],
    ['[a:b IN(1,2 ,3)]', '[a:b IN (1, 2, 3)]'],
    ['[a:b NOT   EXISTS]', null],
    ['[NOT EXISTS a:b]', '[NOT EXISTS a:b]'],
    ['[a:b = 1] /* c */ WITHIN 07.50 SECONDS', '[a:b = 1] WITHIN 7.5 SECONDS'],
    ['([a:b = 1] WITHIN 5 SECONDS) REPEATS 2 TIMES', '[a:b = 1] WITHIN 5 SECONDS REPEATS 2 TIMES'],
    ['([a:b = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS', '([a:b = 1] WITHIN 5 SECONDS) WITHIN 6 SECONDS'],
    ['([a:b = 1] AND [a:c = 2]) WITHIN 5 SECONDS WITHIN 6 SECONDS', '([a:b = 1] AND [a:c = 2]) WITHIN 5 SECONDS WITHIN 6 SECONDS'],
  ])('%s → %s', (src, expected) => {
    if (expected === null) {
      expect(() => parsePattern(src)).toThrow()
      return
    }
    expect(canonical(src)).toBe(expected)
    expect(canonical(expected)).toBe(expected)
  })
})

// A small seeded generator of well-formed ASTs: printing then parsing one must give it back.
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function generator(seed: number): () => ObservationExpression {
  const r = rng(seed)
  const int = (n: number): number => Math.floor(r() * n)
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T
  const o = 0
  const names = ['value', 'name', 'x_ref', 'SHA-256', 'AND', 'true', "it's", 'a\\b', '', 'é', 't', 'LAST']
  const types = ['file', 'x-foo', 'ipv4-addr', 'a_b', 'T']
  const chars = ['a', 'Z', "'", '\\', ' ', '\n', 'ü', '😀', '%', '_']

  const path = (): ObjectPath => {
    const steps: PathStep[] = [{ kind: 'key', name: pick(names), offset: o }]
    for (let i = int(4); i > 0; i--) {
      const k = int(3)
      steps.push(
        k === 0 ? { kind: 'key', name: pick(names), offset: o } : k === 1 ? { kind: 'any', offset: o } : { kind: 'index', index: int(21) - 10, offset: o },
      )
    }
    return { objectType: pick(types), steps, offset: o }
  }
  const timestamp = (): string => {
    const frac = pick(['', '.5', '.123', '.000001'])
    return `20${10 + int(20)}-0${1 + int(9)}-${10 + int(21)}T1${int(10)}:${10 + int(50)}:0${int(10)}${frac}Z`
  }
  const primitive = (allowBool: boolean): PrimitiveConstant => {
    switch (int(allowBool ? 7 : 6)) {
      case 0:
        return { kind: 'string', value: Array.from({ length: int(6) }, () => pick(chars)).join(''), offset: o }
      case 1:
        return { kind: 'int', value: String(int(2001) - 1000), offset: o }
      case 2:
        return { kind: 'float', value: `${pick(['', '-'])}${1 + int(99)}.${int(10)}${1 + int(9)}`, offset: o }
      case 3:
        return { kind: 'timestamp', value: timestamp(), offset: o }
      case 4:
        return { kind: 'hex', value: pick(['', 'ab', '00ff', 'deadbeef']), offset: o }
      case 5:
        return { kind: 'binary', value: pick(['AAAA', 'QQ==', 'QUI=', 'dGVzdA==']), offset: o }
      default:
        return { kind: 'bool', value: r() < 0.5, offset: o }
    }
  }
  const comparisonLeaf = (): ComparisonExpression => {
    if (int(8) === 0) return { kind: 'exists', negated: r() < 0.5, path: path(), offset: o }
    const operator = pick<ComparisonOperator>(['=', '!=', '<', '>=', 'IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'])
    let value: Constant
    if (operator === 'IN') {
      value = { kind: 'set', values: Array.from({ length: int(4) }, () => primitive(true)), offset: o }
    } else if (['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(operator)) {
      value = { kind: 'string', value: pick(['%a', '^x\\.y$', '10.0.0.0/8', "o'k"]), offset: o }
    } else {
      value = primitive(operator === '=' || operator === '!=')
    }
    return { kind: 'comparison', path: path(), negated: r() < 0.3, operator, value, offset: o }
  }
  const comparison = (depth: number): ComparisonExpression => {
    if (depth <= 0 || r() < 0.4) return comparisonLeaf()
    const kind = pick(['comparison-and', 'comparison-or'] as const)
    const operands = Array.from({ length: 2 + int(2) }, () => comparison(depth - 1)).flatMap((e) =>
      e.kind === kind ? e.operands : [e],
    )
    return { kind, operands, offset: o }
  }
  const qualifier = (): Qualifier => {
    const k = int(3)
    if (k === 0) return { kind: 'within', seconds: pick(['1', '0.5', '300', '12.25']), offset: o }
    if (k === 1) return { kind: 'repeats', times: 1 + int(50), offset: o }
    return { kind: 'startstop', start: '2016-06-01T01:30:00.123Z', stop: pick(['2016-06-01T01:30:00.124Z', '2017-01-01T00:00:00Z']), offset: o }
  }
  const observation = (depth: number): ObservationExpression => {
    const k = depth <= 0 ? 0 : int(5)
    switch (k) {
      case 0:
        return { kind: 'observation', comparison: comparison(2), offset: o }
      case 1:
      case 2: {
        const kind = k === 1 ? 'observation-and' : 'observation-or'
        const operands = Array.from({ length: 2 + int(2) }, () => observation(depth - 1)).flatMap((e) =>
          e.kind === kind ? e.operands : [e],
        )
        return { kind, operands, offset: o }
      }
      case 3:
        return { kind: 'followedby', left: observation(depth - 1), right: observation(depth - 1), offset: o }
      default:
        return { kind: 'qualified', operand: observation(depth - 1), qualifier: qualifier(), offset: o }
    }
  }
  return () => observation(4)
}

describe('print/parse round trip on generated patterns', () => {
  it('parse(print(p)) equals p for 400 random ASTs', () => {
    const next = generator(20261128)
    for (let i = 0; i < 400; i++) {
      const p = next()
      const text = printPattern(p)
      const back = parsePattern(text)
      if (!astEqual(back, p)) {
        expect({ text, back: withoutOffsets(back) }).toEqual({ text, back: withoutOffsets(p) })
      }
      expect(printPattern(back)).toBe(text)
    }
  })

  it('astEqual notices a changed value, operator or order', () => {
    const a = parsePattern("[a:b = 'x' AND a:c = 1]")
    expect(astEqual(a, parsePattern("[a:b   =   'x' AND a:c = 1]"))).toBe(true)
    expect(astEqual(a, parsePattern("[a:b = 'y' AND a:c = 1]"))).toBe(false)
    expect(astEqual(a, parsePattern("[a:b != 'x' AND a:c = 1]"))).toBe(false)
    expect(astEqual(a, parsePattern("[a:c = 1 AND a:b = 'x']"))).toBe(false)
  })
})

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import referenceCanonicalize from 'canonicalize'
import { describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { CanonicalizationError } from './errors.js'
import { canonicalBytes, canonicalize, MAX_CANONICAL_DEPTH } from './jcs.js'

const repoVectors = fileURLToPath(new URL('../../vectors/rfc8785/', import.meta.url))

function checkVectorDir(dir: string): string[] {
  const names = readdirSync(join(dir, 'input')).filter((n) => n.endsWith('.json')).sort()
  for (const name of names) {
    const input: unknown = JSON.parse(readFileSync(join(dir, 'input', name), 'utf8'))
    const expected = readFileSync(join(dir, 'output', name))
    expect(Buffer.from(canonicalBytes(input)).toString('hex'), name).toBe(expected.toString('hex'))
  }
  return names
}

describe('RFC 8785 vectors copied into the repo', () => {
  it('reproduces every output byte for byte', () => {
    expect(checkVectorDir(repoVectors)).toEqual([
      'arrays.json',
      'french.json',
      'structures.json',
      'unicode.json',
      'values.json',
      'weird.json',
    ])
  })
})

describe.skipIf(!corpusAvailable)('RFC 8785 vectors in the shared corpus', () => {
  it('reproduces every output byte for byte', () => {
    expect(checkVectorDir(corpusPath('rfc8785'))).toHaveLength(6)
  })

  it('serialises the 10,000 ES6 number lines from their IEEE-754 bits', () => {
    const text = readFileSync(corpusPath('rfc8785', 'es6-numbers', 'es6testfile-first10000.txt'), 'utf8')
    const lines = text.split('\n').filter((l) => l !== '')
    expect(lines).toHaveLength(10_000)
    const view = new DataView(new ArrayBuffer(8))
    const failures: string[] = []
    for (const line of lines) {
      const [hex, expected] = line.split(',') as [string, string]
      view.setBigUint64(0, BigInt(`0x${hex}`))
      const got = canonicalize(view.getFloat64(0))
      if (got !== expected) failures.push(`${hex}: got ${got}, want ${expected}`)
    }
    expect(failures).toEqual([])
  })
})

describe('canonicalize: serialisation rules', () => {
  it('sorts keys by UTF-16 code units, not code points or locale', () => {
    const v = { '\ufb33': 1, '\ud83d\ude02': 2, b: 3, B: 4, é: 5, '10': 6, '1': 7 }
    expect(canonicalize(v)).toBe('{"1":7,"10":6,"B":4,"b":3,"é":5,"\ud83d\ude02":2,"\ufb33":1}')
  })

  it('escapes only quote, backslash and C0 controls, with lowercase hex', () => {
    const s = '"\\/\b\t\n\f\r\u0000\u001f\u007f\u0080\u2028€😂'
    expect(canonicalize(s)).toBe('"\\"\\\\/\\b\\t\\n\\f\\r\\u0000\\u001f\u007f\u0080\u2028€😂"')
    expect(canonicalize('\u000b\u001e')).toBe('"\\u000b\\u001e"')
  })

  it('writes numbers the ECMAScript way', () => {
    expect(canonicalize([-0, 0, 1e21, 1e-7, 1e-6, 56.0, 4.5, 2e-3, 333333333.33333329, 5e-324])).toBe(
      '[0,0,1e+21,1e-7,0.000001,56,4.5,0.002,333333333.3333333,5e-324]',
    )
  })

  it('keeps array order, emits no whitespace, and handles empty and null-prototype containers', () => {
    const bare = Object.create(null) as Record<string, unknown>
    bare.z = [3, 1, 2]
    bare.a = {}
    expect(canonicalize({ x: bare, y: [], n: null, t: true, f: false })).toBe(
      '{"f":false,"n":null,"t":true,"x":{"a":{},"z":[3,1,2]},"y":[]}',
    )
  })

  it('accepts a shared (acyclic) reference twice', () => {
    const shared = { k: 1 }
    expect(canonicalize({ a: shared, b: [shared, shared] })).toBe('{"a":{"k":1},"b":[{"k":1},{"k":1}]}')
  })

  it('encodes canonicalBytes as UTF-8', () => {
    expect(Buffer.from(canonicalBytes({ '€': 'Å' })).toString('hex')).toBe('7b22e282ac223a22c385227d')
  })
})

function expectError(value: unknown, code: string, path: string): void {
  let caught: unknown
  try {
    canonicalize(value)
  } catch (error) {
    caught = error
  }
  expect(caught).toBeInstanceOf(CanonicalizationError)
  const err = caught as CanonicalizationError
  expect(err.name).toBe('CanonicalizationError')
  expect({ code: err.code, path: err.path }).toEqual({ code, path })
  expect(err.message).toContain(path)
}

describe('canonicalize: rejected values', () => {
  it('rejects NaN and infinities with their path', () => {
    expectError({ a: [1, Number.NaN] }, 'non-finite-number', '$.a[1]')
    expectError(Number.POSITIVE_INFINITY, 'non-finite-number', '$')
    expectError({ 'odd key': Number.NEGATIVE_INFINITY }, 'non-finite-number', '$["odd key"]')
  })

  it('rejects undefined, functions, symbols and bigint', () => {
    expectError(undefined, 'unsupported-type', '$')
    expectError({ a: { b: undefined } }, 'unsupported-type', '$.a.b')
    expectError([1, () => 1], 'unsupported-type', '$[1]')
    expectError({ s: Symbol('x') }, 'unsupported-type', '$.s')
    expectError({ n: 10n }, 'unsupported-type', '$.n')
    expectError([1, , 3], 'unsupported-type', '$[1]')
  })

  it('rejects class instances rather than guessing their JSON form', () => {
    expectError({ when: new Date(0) }, 'unsupported-type', '$.when')
    expectError([new Map()], 'unsupported-type', '$[0]')
    expectError({ bytes: new Uint8Array(2) }, 'unsupported-type', '$.bytes')
  })

  it('rejects cycles through objects and arrays', () => {
    const o: Record<string, unknown> = { a: 1 }
    o.self = o
    expectError(o, 'cycle', '$.self')
    const arr: unknown[] = [1]
    arr.push({ back: arr })
    expectError({ list: arr }, 'cycle', '$.list[1].back')
  })

  it('rejects lone surrogates in values and keys', () => {
    expectError({ s: 'ok\ud800' }, 'lone-surrogate', '$.s')
    expectError({ s: '\udc00x' }, 'lone-surrogate', '$.s')
    expectError({ ['k\ud83d']: 1 }, 'lone-surrogate', '$["k\\ud83d"]')
  })

  it('rejects nesting beyond the depth limit but accepts it at the limit', () => {
    let ok: unknown = 0
    for (let i = 0; i < MAX_CANONICAL_DEPTH; i++) ok = [ok]
    expect(canonicalize(ok)).toMatch(/^\[+0\]+$/)
    expect(() => canonicalize([ok])).toThrow(CanonicalizationError)
  })
})

// Deterministic PRNG (mulberry32) so a failure is reproducible.
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const EDGE_NUMBERS = [0, -0, 1, -1, 0.1, 1e21, 1e-7, 9007199254740992, Number.MAX_VALUE, Number.MIN_VALUE, -1e-300]
const EDGE_STRINGS = ['', '\u0000', '\u001f', '\u007f', '"', '\\', '</script>', 'A\u030a', '\u2028', '😂', '\ufb33']

function randomString(rnd: () => number): string {
  const len = Math.floor(rnd() * 8)
  let s = ''
  for (let i = 0; i < len; i++) {
    const kind = rnd()
    if (kind < 0.3) s += String.fromCharCode(Math.floor(rnd() * 0x80))
    else if (kind < 0.5) s += String.fromCharCode(Math.floor(rnd() * 0x20))
    else if (kind < 0.8) s += String.fromCharCode(0x80 + Math.floor(rnd() * (0xd800 - 0x80)))
    else if (kind < 0.9) s += String.fromCodePoint(0x10000 + Math.floor(rnd() * 0xfffff))
    else s += String.fromCharCode(0xe000 + Math.floor(rnd() * 0x2000))
  }
  return s
}

function randomNumber(rnd: () => number, view: DataView): number {
  if (rnd() < 0.3) return EDGE_NUMBERS[Math.floor(rnd() * EDGE_NUMBERS.length)]!
  if (rnd() < 0.3) return Math.floor((rnd() - 0.5) * 1e6)
  for (;;) {
    view.setUint32(0, Math.floor(rnd() * 2 ** 32))
    view.setUint32(4, Math.floor(rnd() * 2 ** 32))
    const n = view.getFloat64(0)
    if (Number.isFinite(n)) return n
  }
}

function randomValue(rnd: () => number, view: DataView, depth: number): unknown {
  const r = rnd()
  if (depth > 3 || r < 0.4) {
    const leaf = rnd()
    if (leaf < 0.35) return randomNumber(rnd, view)
    if (leaf < 0.5) return EDGE_STRINGS[Math.floor(rnd() * EDGE_STRINGS.length)]
    if (leaf < 0.85) return randomString(rnd)
    return [null, true, false][Math.floor(rnd() * 3)]
  }
  const n = Math.floor(rnd() * 5)
  if (r < 0.7) return Array.from({ length: n }, () => randomValue(rnd, view, depth + 1))
  const o: Record<string, unknown> = {}
  for (let i = 0; i < n; i++) o[randomString(rnd)] = randomValue(rnd, view, depth + 1)
  return o
}

describe('canonicalize: agrees with the canonicalize npm package', () => {
  it('on edge values', () => {
    const values: unknown[] = [...EDGE_NUMBERS, ...EDGE_STRINGS, { ...Object.fromEntries(EDGE_STRINGS.map((s, i) => [s, i])) }]
    for (const v of values) expect(canonicalize(v)).toBe(referenceCanonicalize(v))
  })

  it('on 3,000 random values', () => {
    const rnd = prng(8785)
    const view = new DataView(new ArrayBuffer(8))
    for (let i = 0; i < 3000; i++) {
      const v = randomValue(rnd, view, 0)
      expect(canonicalize(v)).toBe(referenceCanonicalize(v))
    }
  })
})

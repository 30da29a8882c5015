// Runs the plain-JSON vectors in packages/protocol/vectors/stix (no corpus needed).
import { readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validateBundle } from './bundle.js'
import type { ValidationIssue } from './issue.js'
import { validateObject } from './object.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'vectors', 'stix')

interface Vector {
  description: string
  validate_as: 'object' | 'bundle'
  object: unknown
  expected_rules?: string[]
}

function run(v: Pick<Vector, 'validate_as' | 'object'>): ValidationIssue[] {
  return v.validate_as === 'bundle' ? validateBundle(v.object).issues : validateObject(v.object)
}

function read(path: string): string {
  return readFileSync(join(root, path), 'utf8')
}

const own = (dir: string): string[] => readdirSync(join(root, dir)).filter((f) => f.endsWith('.json') && !f.startsWith('oasis-')).sort()

describe('hand-written valid vectors', () => {
  const files = own('valid')
  it('exist', () => expect(files.length).toBeGreaterThanOrEqual(10))
  it.each(files)('%s has no issue', (file) => {
    const v = JSON.parse(read(`valid/${file}`)) as Vector
    expect(run(v).map((i) => i.message)).toEqual([])
  })
})

describe('hand-written invalid vectors', () => {
  const files = own('invalid')
  it('cover many rules', () => {
    const rules = new Set(files.flatMap((f) => (JSON.parse(read(`invalid/${f}`)) as Vector).expected_rules ?? []))
    expect(rules.size).toBeGreaterThanOrEqual(35)
  })
  it.each(files)('%s is rejected for exactly its expected rules', (file) => {
    const v = JSON.parse(read(`invalid/${file}`)) as Vector
    const issues = run(v)
    const rules = [...new Set(issues.map((i) => i.rule))].sort()
    expect(rules).toEqual([...(v.expected_rules ?? [])].sort())
    for (const issue of issues) expect(issue.message).toContain(`[${issue.rule}]`)
  })
})

describe('OASIS vectors (oasis-manifest.json)', () => {
  const manifest = JSON.parse(read('oasis-manifest.json')) as { files: Record<string, { expected: string | string[] }> }
  it.each(Object.entries(manifest.files))('%s', (path, { expected }) => {
    const text = read(path)
    if (expected === 'json-parse-error') {
      expect(() => JSON.parse(text)).toThrow(SyntaxError)
      return
    }
    const value = JSON.parse(text) as { type?: unknown }
    const issues = run({ validate_as: value.type === 'bundle' ? 'bundle' : 'object', object: value })
    if (expected === 'valid') expect(issues.map((i) => i.message)).toEqual([])
    else expect([...new Set(issues.map((i) => i.rule))].sort()).toEqual([...expected].sort())
  })
})

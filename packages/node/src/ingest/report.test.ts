import { describe, expect, it } from 'vitest'
import { rejected, ReportBuilder, type IngestItem } from './report.js'

const FLAGS = ['warninglist:List of RFC 5737 documentation ranges']

describe('ReportBuilder: compact indicator rows', () => {
  it('materialise exactly as the object items the pipeline used to build (same keys, same order)', () => {
    const r = new ReportBuilder('txt')
    const a = r.addIndicator('created', '203.0.113.1', { line: 3, column: 2 })
    const b = r.addIndicator('unchanged', '203.0.113.1', { line: 9 })
    const c = r.addIndicator('created', 'evil.example')
    r.resolve(a, 'created', 'indicator--a', FLAGS)
    r.resolve(b, 'unchanged', 'indicator--a', FLAGS)
    r.resolve(c, 'created', 'indicator--c', [])
    r.setStatus(c, 'updated')
    const report = r.finish()
    const expected: IngestItem[] = [
      { status: 'created', type: 'indicator', value: '203.0.113.1', source: { line: 3, column: 2 }, id: 'indicator--a', flags: FLAGS },
      { status: 'unchanged', type: 'indicator', value: '203.0.113.1', source: { line: 9 }, id: 'indicator--a', flags: FLAGS },
      { status: 'updated', type: 'indicator', value: 'evil.example', id: 'indicator--c' },
    ]
    expect(JSON.stringify(report.items)).toBe(JSON.stringify(expected))
    expect(report.summary).toEqual({ created: 1, updated: 1, unchanged: 1, flagged: 2, rejected: 0, skipped: 0 })
    // Each item has its own flags array.
    expect(report.items[0]!.flags).not.toBe(report.items[1]!.flags)
  })

  it('keeps object items in their slots between compact rows, and a row can be replaced by an object', () => {
    const r = new ReportBuilder('csv')
    const a = r.addIndicator('created', '203.0.113.2', { line: 2, column: 1 })
    const bad = r.add(rejected('invalid-input', 'CSV line 3: empty value', { source: { line: 3 } }))
    const withRef = r.addIndicator('created', 'evil.example', { ref: 'attr-uuid' })
    r.resolve(withRef, 'created', 'indicator--r', [])
    r.set(a, rejected('equivocation', 'no', { ...r.get(a) }))
    expect(r.finish().items).toEqual([
      { type: 'indicator', value: '203.0.113.2', source: { line: 2, column: 1 }, status: 'rejected', reason: 'equivocation', message: 'no' },
      { source: { line: 3 }, status: 'rejected', reason: 'invalid-input', message: 'CSV line 3: empty value' },
      { status: 'created', type: 'indicator', value: 'evil.example', source: { ref: 'attr-uuid' }, id: 'indicator--r' },
    ])
    expect(r.id(withRef)).toBe('indicator--r')
    expect(r.id(bad)).toBeUndefined()
  })

  it('grows past its first columns and refuses slots that do not exist', () => {
    const r = new ReportBuilder('txt')
    for (let i = 0; i < 5000; i++) r.addIndicator('created', `v${i}`, { line: i + 1, column: 1 })
    expect(r.get(4999)).toEqual({ status: 'created', type: 'indicator', value: 'v4999', source: { line: 5000, column: 1 } })
    expect(() => r.get(5000)).toThrow(RangeError)
    expect(() => r.resolve(-1, 'created', 'x', [])).toThrow(/report slot -1 does not exist/)
  })
})

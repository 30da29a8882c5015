import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/temp-dir.js'
import { main } from '../run.js'
import { memoryIo } from '../testing/memory-io.js'

const indicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-11-28T10:00:00.000Z',
  modified: '2026-11-28T10:00:00.000Z',
  pattern: "[domain-name:value = 'login-portal.example']",
  pattern_type: 'stix',
  valid_from: '2026-11-28T10:00:00Z',
}
const dir = tempDir('certmesh-validate-')
const file = (name: string, content: string) => {
  const p = join(dir, name)
  writeFileSync(p, content)
  return p
}

describe('certmesh validate', () => {
  it('exits 0 and says so for a valid file', async () => {
    const io = memoryIo()
    expect(await main(['validate', file('ok.json', JSON.stringify(indicator))], io)).toBe(0)
    expect(io.out()).toMatch(/^✓ .*ok\.json: object, 1 object, 1 valid, 0 invalid/)
  })

  it('prints one JSON result per object with --json and exits 1 when one fails', async () => {
    const bad = { ...indicator, id: 'indicator--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', confidence: 101 }
    const p = file('mixed.json', JSON.stringify({ type: 'bundle', id: 'bundle--6c1ab4c2-4d43-4ec4-a5bb-c0f3d3b5a1d4', objects: [indicator, bad] }))
    const io = memoryIo()
    expect(await main(['validate', '--json', p], io)).toBe(1)
    const rows = JSON.parse(io.out())
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({ id: indicator.id, ok: true, errors: [], signature: 'unsigned' })
    expect(rows[1]).toMatchObject({ id: bad.id, ok: false })
    expect(rows[1].errors[0]).toMatchObject({ path: 'confidence' })
  })

  it('reads standard input for -', async () => {
    const io = memoryIo(JSON.stringify([indicator]))
    expect(await main(['validate', '-', '--json'], io)).toBe(0)
    expect(JSON.parse(io.out())[0]).toMatchObject({ file: '<stdin>', ok: true })
  })

  it('gives line and column for broken JSON, and a clear message for a missing file', async () => {
    const io = memoryIo()
    expect(await main(['validate', file('broken.json', '{\n  "type": "indicator",\n}'), join(dir, 'nope.json')], io)).toBe(1)
    expect(io.out()).toMatch(/broken\.json: invalid JSON at line 3, column 1/)
    expect(io.out()).toMatch(/nope\.json: no such file/)
  })

  it('explains usage mistakes with exit code 2', async () => {
    const io = memoryIo()
    expect(await main(['validate'], io)).toBe(2)
    expect(io.err()).toMatch(/name at least one FILE/)
    const io2 = memoryIo()
    expect(await main(['validate', '--frobnicate', 'x'], io2)).toBe(2)
    expect(io2.err()).toMatch(/certmesh validate --help/)
  })

  it('prints help that names every option', async () => {
    const io = memoryIo()
    expect(await main(['validate', '--help'], io)).toBe(0)
    for (const opt of ['--json', '--upgrade', '--require-signature', '--quiet']) expect(io.out()).toContain(opt)
  })
})

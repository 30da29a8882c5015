import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/temp-dir.js'
import { generateSeed, KeyFileError, readKeyFile, writeKeyFile } from './key-file.js'

const dir = () => tempDir('certmesh-key-')

describe('key file', () => {
  it('round-trips a seed and is created with mode 0600', async () => {
    const path = join(dir(), 'node.key')
    const seed = generateSeed()
    writeKeyFile(path, seed)
    const { statSync } = await import('node:fs')
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readKeyFile(path)).toEqual(seed)
  })

  it('never overwrites an existing key', () => {
    const path = join(dir(), 'node.key')
    writeKeyFile(path, generateSeed())
    expect(() => writeKeyFile(path, generateSeed())).toThrow(/already exists/)
  })

  it('refuses a key readable by others, and says how to fix it', () => {
    const path = join(dir(), 'node.key')
    writeKeyFile(path, generateSeed())
    chmodSync(path, 0o644)
    expect(() => readKeyFile(path)).toThrow(/chmod 600/)
  })

  it('rejects a missing or malformed key file precisely', () => {
    const d = dir()
    expect(() => readKeyFile(join(d, 'none.key'))).toThrow(/certmesh init/)
    const bad = join(d, 'bad.key')
    writeFileSync(bad, 'hello\n', { mode: 0o600 })
    expect(() => readKeyFile(bad)).toThrow(KeyFileError)
  })
})

import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { repoRoot } from '../../../../test/corpus.js'
import { openStore } from './open.js'
import { removeTempDirs, silentLogger, tempDbPath } from './test-support.js'

afterEach(removeTempDirs)

const fixture = join(dirname(fileURLToPath(import.meta.url)), 'crash-writer.fixture.ts')

/** Starts the writer, lets it commit a few batches, then SIGKILLs it mid-stream. */
function killWriterMidway(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, path], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    let killed = false
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      if (!killed && out.includes('committed 5\n')) {
        killed = true
        // A few more milliseconds so the kill lands inside a later batch, not between two.
        setTimeout(() => child.kill('SIGKILL'), 15)
      }
    })
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(out.split('\n').filter((l) => l.startsWith('committed')).length)
      else reject(new Error(`writer exited ${code}: ${err}`))
    })
  })
}

describe('a writer killed mid-batch (invariant 5)', () => {
  it('leaves whole batches whose cursor matches exactly what is stored, and an intact file', async () => {
    const path = tempDbPath()
    openStore(path, { logger: silentLogger }).close()
    const reported = await killWriterMidway(path)
    const s = openStore(path, { logger: silentLogger })
    const cursor = s.getCursor('peer-x')
    const stored = s.count().versions
    expect(stored).toBe(cursor)
    expect(stored % 100).toBe(0)
    // Everything the writer acknowledged is there; at most the batch in flight is not.
    expect(stored).toBeGreaterThanOrEqual(reported * 100)
    expect(s.lastSeq()).toBe(stored)
    expect(s.integrityCheck()).toEqual([])
    s.close()
  })
})

/**
 * kill -9 of the receiving node in the middle of a large sync, several times (DESIGN.md
 * invariant 5): after each restart it resumes from its durable cursor, and the end state
 * equals the source's — nothing lost, nothing duplicated, PRAGMA integrity_check ok.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { canonicalize, peerIdFromPublicKey } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareVersion } from '../../src/ingest/prepare.js'
import { openStore } from '../../src/store/open.js'
import { indicator, removeTempDirs, sleep, startNode, stopNode, tempDir, trust, waitFor, type TestNode } from './harness.js'

const fixture = fileURLToPath(new URL('./fixtures/sync-node.ts', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const N = 8_000

const children = new Set<ChildProcess>()

function spawnNode(dir: string, seed: Uint8Array, source: TestNode): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dir, Buffer.from(seed).toString('hex'), `${source.sync.peerId}=${source.addr}`], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  child.once('exit', () => children.delete(child))
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      if (out.includes('READY ')) resolve(child)
    })
    child.once('exit', (code) => reject(new Error(`sync node exited (${code}) before it was ready`)))
  })
}

function countFrom(dbPath: string, origin: string): number {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM object_version WHERE origin = ?').get(origin) as { n: number }).n
  } catch {
    return 0 // not migrated yet
  } finally {
    db.close()
  }
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
}

describe('kill -9 during a large sync', () => {
  let source: TestNode
  afterAll(async () => {
    // A failed or timed-out run must not leave receiver processes behind.
    for (const c of children) c.kill('SIGKILL')
    await stopNode(source)
    removeTempDirs()
  })

  it('resumes after every crash and ends equal to the source', { timeout: 120_000 }, async () => {
    source = await startNode('S')
    const rows = Array.from({ length: N }, () => {
      const o = source.signer.sign(indicator(source, 'green'))
      return prepareVersion(o, canonicalize(o), { origin: 'local', signer: source.signer.publicKeyB64 })
    })
    for (let i = 0; i < rows.length; i += 2000) source.store.putBatch(rows.slice(i, i + 2000))

    const seed = new Uint8Array(randomBytes(32))
    const dir = tempDir()
    const dbPath = join(dir, 'certmesh.db')
    const receiverId = peerIdFromPublicKey(nodeEd25519.getPublicKey(seed))
    trust(source, { sync: { peerId: receiverId }, addr: '/ip4/127.0.0.1/tcp/9', name: 'R' } as TestNode)

    const expected = N + 1 // the source's identity and its indicators
    const seenAtKill: number[] = []
    for (let crash = 0; crash < 3; crash++) {
      const child = await spawnNode(dir, seed, source)
      const before = countFrom(dbPath, source.sync.peerId)
      const target = before + 1000 + Math.floor(Math.random() * 1000)
      await waitFor(() => countFrom(dbPath, source.sync.peerId) >= target, `receiver past ${target} objects`, 60_000)
      await kill9(child)
      seenAtKill.push(countFrom(dbPath, source.sync.peerId))
    }
    expect(seenAtKill.every((n, i) => n < expected && (i === 0 || n > seenAtKill[i - 1]!))).toBe(true)

    const child = await spawnNode(dir, seed, source)
    await waitFor(() => countFrom(dbPath, source.sync.peerId) === expected, 'receiver complete', 60_000)
    await sleep(200)
    await kill9(child)

    const r = openStore(dbPath)
    try {
      expect(r.integrityCheck()).toEqual([])
      const key = (v: { id: string; modified: string; hash: string }) => `${v.id} ${v.modified} ${v.hash}`
      const got = r.since(0, 10 * N).filter((v) => v.origin === source.sync.peerId).map(key).sort()
      const want = source.store.since(0, 10 * N).filter((v) => v.origin === 'local').map(key).sort()
      expect(got).toHaveLength(expected)
      expect(got).toEqual(want)
      expect(r.getCursor(source.sync.peerId)).toBeGreaterThanOrEqual(N + 1)
    } finally {
      r.close()
    }
  })
})

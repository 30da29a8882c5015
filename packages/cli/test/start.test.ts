import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../../../test/temp-dir.js'

const bin = join(dirname(fileURLToPath(import.meta.url)), '../bin/certmesh.js')

interface Proc {
  child: ChildProcess
  out: () => string
  err: () => string
  exited: Promise<number | null>
}

const running = new Set<ChildProcess>()

function run(args: string[]): Proc {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  child.on('exit', () => running.delete(child))
  let out = ''
  let err = ''
  child.stdout!.on('data', (d) => (out += d))
  child.stderr!.on('data', (d) => (err += d))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, out: () => out, err: () => err, exited }
}

async function until(p: Proc, re: RegExp, ms = 20_000): Promise<void> {
  const end = Date.now() + ms
  while (!re.test(p.out())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${re}; stdout: ${p.out()} stderr: ${p.err()}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

// A test that failed half-way must not leave a node writing into the data dir that the
// file-end sweep (test/temp-dir.ts) removes, nor running after the suite.
afterEach(async () => {
  const left = [...running].filter((c) => c.exitCode === null && c.signalCode === null)
  await Promise.all(left.map((c) => new Promise((resolve) => c.once('exit', resolve).kill('SIGKILL'))))
})

describe('certmesh start (separate process)', () => {
  it('creates a node in an empty directory, serves, and stops cleanly on SIGTERM', async () => {
    const dataDir = join(tempDir('certmesh-start-'), 'n')
    const init = run(['init', '--data', dataDir, '--http', '127.0.0.1:0', '--p2p', '/ip4/127.0.0.1/tcp/0'])
    expect(await init.exited).toBe(0)
    const p = run(['start', '--data', dataDir])
    await until(p, /is running: HTTP API (http:\/\/127\.0\.0\.1:\d+)/)
    const url = /HTTP API (http:\/\/[^,]+),/.exec(p.out())![1]!
    const res = await fetch(`${url}/healthz`)
    expect(await res.json()).toEqual({ status: 'ok' })
    expect((await fetch(`${url}/api/v1/node`)).status).toBe(401)
    p.child.kill('SIGTERM')
    expect(await p.exited).toBe(0)
    expect(p.err()).toMatch(/"msg":"node stopped"/)
  })

  it('fails with a clear message and non-zero exit on a port in use and on a bad config', async () => {
    const root = tempDir('certmesh-start-')
    const initA = run(['init', '--data', join(root, 'a'), '--http', '127.0.0.1:0', '--p2p', '/ip4/127.0.0.1/tcp/0'])
    expect(await initA.exited).toBe(0)
    const a = run(['start', '--data', join(root, 'a')])
    await until(a, /is running: HTTP API http:\/\/127\.0\.0\.1:\d+/)
    const port = /127\.0\.0\.1:(\d+)/.exec(a.out())![1]!
    const initB = run(['init', '--data', join(root, 'b'), '--http', `127.0.0.1:${port}`, '--p2p', '/ip4/127.0.0.1/tcp/0'])
    expect(await initB.exited).toBe(0)
    const b = run(['start', '--data', join(root, 'b')])
    expect(await b.exited).toBe(1)
    expect(b.err()).toMatch(/127\.0\.0\.1:\d+ is already in use/)
    a.child.kill('SIGINT')
    await a.exited

    const cfg = join(root, 'b', 'certmesh.toml')
    writeFileSync(cfg, readFileSync(cfg, 'utf8').replace('# default_tlp = "amber"', 'default_tlp = "purple"'))
    const c = run(['start', '--data', join(root, 'b')])
    expect(await c.exited).toBe(1)
    expect(c.err()).toMatch(/default_tlp/)
  })
})

/**
 * The receiving node of bench/sync, in its own process (its own core, its own RSS):
 * trusts the source, pulls until its cursor reaches the source's head, prints one JSON line.
 *   receiver.ts <dir> <source peer id> <source multiaddr> <head> <verify threads>
 */
import '../../packages/node/src/polyfill.js'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { NodeSigner } from '../../packages/node/src/sign/signer.js'
import { openStore } from '../../packages/node/src/store/open.js'
import { SyncService } from '../../packages/node/src/sync/service.js'
import { VerifyPool } from '../../packages/node/src/sync/verify-pool.js'
import { configureLogging, type LogLevel } from '../../packages/node/src/log.js'
import { tuneHeapForNode } from '../../packages/node/src/heap.js'

// CM_RECEIVER_LOG=debug shows, e.g., each key-tier move and how long it took.
configureLogging({ level: (process.env.CM_RECEIVER_LOG as LogLevel | undefined) ?? 'warn' })
// The V8 heap tuning `certmesh start` applies (packages/node/src/heap.ts).
tuneHeapForNode()
const [dir, sourceId, sourceAddr, headText, threadsText] = process.argv.slice(2) as [string, string, string, string, string]
const head = Number(headText)
const threads = Number(threadsText)
const seed = new Uint8Array(randomBytes(32))
const signer = new NodeSigner(seed)
const store = openStore(join(dir, 'receiver.db'))
let peakRss = 0
let peakAnon = 0
let peakFile = 0
/** Anonymous memory (heaps, buffers) and file-backed pages (the mapped database, code) apart: Linux /proc. */
function sampleMemory(): void {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
    peakAnon = Math.max(peakAnon, kb('RssAnon'))
    peakFile = Math.max(peakFile, kb('RssFile'))
  } catch {
    // Not Linux: only the total is known.
  }
}
const sample = setInterval(sampleMemory, 50)
// CM_INLINE_SHARE overrides the pool's default share of checks on the main thread (for tuning).
const pool = threads > 0 ? new VerifyPool(threads, process.env.CM_INLINE_SHARE ? Number(process.env.CM_INLINE_SHARE) : undefined) : undefined
const sync = new SyncService({
  store,
  seed,
  publicKey: signer.publicKeyB64,
  config: { listen: ['/ip4/127.0.0.1/tcp/0'], maxConnections: 8, pullIntervalMs: 60_000, acceptUnknownCreators: true, defaultTlp: 'amber' },
  ...(pool && { verifier: pool }),
})
// The clock starts once this process is up, its verify workers included (~0.3 s to load
// under tsx): the catch-up of a running node is measured, not its start.
await pool?.ready()
process.stdout.write(`PEER ${sync.peerId}\n`)
await new Promise<void>((r) => process.stdin.once('data', () => r()))
// A flowing stdin would keep this process alive after its RESULT line.
process.stdin.pause()
const t0 = performance.now()
const cpu0 = process.cpuUsage()
await sync.start()
sync.addPeer({ peerId: sourceId, multiaddrs: [sourceAddr] })
while (store.getCursor(sourceId) < head) await new Promise((r) => setTimeout(r, 20))
const ms = performance.now() - t0
// Process-wide (every thread): the CPU time the whole catch-up cost this node.
const cpu = process.cpuUsage(cpu0)
const cpuUs = cpu.user + cpu.system
clearInterval(sample)
sampleMemory()
const stored = store.count().versions
await sync.stop()
store.close()
process.stdout.write(`RESULT ${JSON.stringify({ ms, peakRss, peakAnon, peakFile, stored, cpuUs })}\n`)

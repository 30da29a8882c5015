/**
 * bench/sync: catch-up of COUNT signed indicators from one peer over loopback, end to end
 * (a separate receiving process: pull, verify every signature, store with the cursor),
 * next to the raw verify and raw insert rates measured in the same run; then propagation
 * latency A→D along a 4-node chain. Figures are printed, never asserted.
 *
 *   pnpm exec tsx bench/sync/run.ts [--count 100000] [--million] [--threads 1] [--latency 1000] [--source-dir DIR]
 *
 * --source-dir keeps the source node (its key and its log) in DIR and reuses it on the next
 * run with the same count, so repeated runs skip writing the source's log.
 *
 * For diagnosis, the receiving process reads CM_RECEIVER_NODE_ARGS (extra node flags, e.g.
 * `--cpu-prof --cpu-prof-dir=/tmp/prof`), CM_INLINE_SHARE (a fixed share of the checks on
 * its main thread) and CM_RECEIVER_LOG (its log level; `debug` shows each key-tier move).
 */
import '../../packages/node/src/polyfill.js'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { canonicalize, markingIdForTlp, signedBytes, verifyObject } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { activeEd25519 } from '../../packages/node/src/sign/ed25519.js'
import { prepareVersion } from '../../packages/node/src/ingest/prepare.js'
import { configureLogging } from '../../packages/node/src/log.js'
import { NodeSigner } from '../../packages/node/src/sign/signer.js'
import { openStore } from '../../packages/node/src/store/open.js'
import type { PreparedVersion } from '../../packages/node/src/store/types.js'
import { SyncService } from '../../packages/node/src/sync/service.js'
import { checkObjectText } from '../../packages/node/src/sync/verify.js'
import { fmt } from '../lib/measure.js'

configureLogging({ level: 'warn' })
const { values } = parseArgs({
  options: { count: { type: 'string' }, million: { type: 'boolean' }, threads: { type: 'string' }, latency: { type: 'string' }, 'source-dir': { type: 'string' } },
})
const COUNT = values.million ? 1_000_000 : Number(values.count ?? 100_000)
const THREADS = Number(values.threads ?? 1)
const LATENCY_N = Number(values.latency ?? 1000)
const work = mkdtempSync(join(tmpdir(), 'certmesh-bench-sync-'))
const here = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const out = (s: string) => process.stdout.write(s + '\n')

function node(name: string, dir = work, seed = new Uint8Array(randomBytes(32))) {
  const signer = new NodeSigner(seed)
  const store = openStore(join(dir, `${name}.db`))
  const sync = new SyncService({
    store,
    seed,
    publicKey: signer.publicKeyB64,
    config: { listen: ['/ip4/127.0.0.1/tcp/0'], maxConnections: 16, pullIntervalMs: 60_000, acceptUnknownCreators: true, defaultTlp: 'amber' },
  })
  return { name, seed, signer, store, sync }
}
type N = ReturnType<typeof node>

const base = Date.now() - 3_600_000
function indicator(signer: NodeSigner, i: number): Record<string, unknown> {
  const t = new Date(base + i).toISOString()
  const ip = `${11 + (i % 200)}.${(i >> 8) & 255}.${(i >> 16) & 255}.${(i & 255) | 1}`
  return signer.sign({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${crypto.randomUUID()}`,
    created: t,
    modified: t,
    created_by_ref: signer.identityId,
    name: `IPv4 ${ip}`,
    pattern: `[ipv4-addr:value = '${ip}']`,
    pattern_type: 'stix',
    valid_from: t,
    confidence: 70,
    object_marking_refs: [markingIdForTlp('green')],
  })
}

function prepared(signer: NodeSigner, i: number, origin = 'local'): PreparedVersion {
  const o = indicator(signer, i)
  return prepareVersion(o, canonicalize(o), { origin, signer: signer.publicKeyB64 })
}

// 1. The source's log (reused from --source-dir when it holds one of this size).
const sourceDir = values['source-dir'] !== undefined ? join(values['source-dir'], String(COUNT)) : work
const seedFile = join(sourceDir, 'source.seed')
const reuse = existsSync(seedFile)
mkdirSync(sourceDir, { recursive: true })
const source = node('source', sourceDir, reuse ? new Uint8Array(readFileSync(seedFile)) : undefined)
let t = performance.now()
if (reuse && source.store.lastSeq() === COUNT) {
  out(`source: ${fmt(COUNT)} signed GREEN indicators reused from ${sourceDir}`)
} else {
  if (source.store.lastSeq() !== 0) throw new Error(`${sourceDir} holds a partial source log: delete it`)
  for (let i = 0; i < COUNT; i += 5000) {
    const batch: PreparedVersion[] = []
    for (let k = i; k < Math.min(COUNT, i + 5000); k++) batch.push(prepared(source.signer, k))
    source.store.putBatch(batch)
  }
  if (sourceDir !== work) writeFileSync(seedFile, source.seed)
  out(`source: ${fmt(COUNT)} signed GREEN indicators written in ${((performance.now() - t) / 1000).toFixed(1)} s`)
}

// 2. Floors, measured now on this machine.
const sample = source.store.since(0, 20_000).map((v) => v.json)
t = performance.now()
const ed = activeEd25519()
for (const s of sample) verifyObject(JSON.parse(s), ed)
const verifyRate = sample.length / ((performance.now() - t) / 1000)
const parsed = sample.map((s) => JSON.parse(s) as Record<string, unknown>)
const msgs = parsed.map((o) => signedBytes(o))
const keys = parsed.map(() => source.signer.publicKey)
const sigs = parsed.map((o) => Buffer.from(((o.extensions as Record<string, Record<string, string>>)['extension-definition--2ceecda0-58cc-4f76-9992-7236c0eea014']!).signature!, 'base64url'))
const rawVerify = (impl: typeof ed): number => {
  const t0 = performance.now()
  for (let i = 0; i < msgs.length; i++) impl.verify(sigs[i]!, msgs[i]!, keys[i]!)
  return msgs.length / ((performance.now() - t0) / 1000)
}
const rawEd = rawVerify(ed)
const rawOpenssl = rawVerify(nodeEd25519)
t = performance.now()
for (const s of sample) checkObjectText(s)
const checkRate = sample.length / ((performance.now() - t) / 1000)
const sink = openStore(join(work, 'insert-floor.db'))
const rows = sample.map((s) => prepareVersion(JSON.parse(s), s, { origin: 'peer', signer: source.signer.publicKeyB64 }))
t = performance.now()
for (let i = 0; i < rows.length; i += 500) sink.putBatch(rows.slice(i, i + 500), { cursor: { peer: 'peer', seq: i + 500 } })
const insertRate = rows.length / ((performance.now() - t) / 1000)
t = performance.now()
for (const s of sample) prepareVersion(JSON.parse(s), s, { origin: 'peer', signer: source.signer.publicKeyB64 })
const prepareRate = sample.length / ((performance.now() - t) / 1000)
sink.close()

// 3. Catch-up, end to end, into a separate process.
await source.sync.start()
const head = source.store.lastSeq()
const child = spawn(process.execPath, [...(process.env.CM_RECEIVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []), '--import', 'tsx', join(here, 'receiver.ts'), work, source.sync.peerId, source.sync.addresses()[0]!, String(head), String(THREADS)], {
  cwd: repoRoot,
  stdio: ['pipe', 'pipe', 'inherit'],
})
let text = ''
let sourceCpu0 = process.cpuUsage()
const result = await new Promise<{ ms: number; peakRss: number; peakAnon: number; peakFile: number; stored: number; cpuUs: number }>((resolve, reject) => {
  child.stdout.on('data', (d: Buffer) => {
    text += d.toString()
    const peer = /PEER (\S+)\n/.exec(text)
    if (peer && !text.includes('GO')) {
      text += 'GO'
      source.sync.addPeer({ peerId: peer[1]!, multiaddrs: ['/ip4/127.0.0.1/tcp/9'] })
      sourceCpu0 = process.cpuUsage()
      child.stdin.write('go\n')
    }
    const r = /RESULT (.+)\n/.exec(text)
    if (r) resolve(JSON.parse(r[1]!))
  })
  child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)))
})
const e2e = COUNT / (result.ms / 1000)
const sourceCpu = process.cpuUsage(sourceCpu0)
const sourceUs = (sourceCpu.user + sourceCpu.system) / COUNT
const receiverUs = result.cpuUs / COUNT

out('')
out(`catch-up of ${fmt(COUNT)} objects from one peer over loopback (receiver: separate process, verify threads: ${THREADS || 'inline'})`)
out(`| measure | objects/s |`)
out(`| --- | ---: |`)
out(`| end to end (pull → verify → policy → store + cursor) | ${fmt(e2e)} |`)
out(`| raw Ed25519 verify (${ed.name}, the node's choice; bytes prepared) | ${fmt(rawEd)} |`)
if (ed !== nodeEd25519) out(`| raw Ed25519 verify (node:crypto, for comparison) | ${fmt(rawOpenssl)} |`)
out(`| raw verifyObject (parse + RFC 8785 + verify) | ${fmt(verifyRate)} |`)
out(`| receiver checks (verifyObject + STIX validation) | ${fmt(checkRate)} |`)
out(`| prepareVersion (pattern, observables, hash) | ${fmt(prepareRate)} |`)
out(`| raw store insert (putBatch of 500 + cursor) | ${fmt(insertRate)} |`)
out(`CPU time per object: receiver ${receiverUs.toFixed(0)} µs (all its threads), source ${sourceUs.toFixed(0)} µs; ` +
  `raw verify alone is ${(1e6 / rawEd).toFixed(0)} µs. With both nodes on this machine's ${availableParallelism()} cores, ` +
  `the CPU bound is ${fmt((availableParallelism() * 1e6) / (receiverUs + sourceUs))} objects/s`)
out(`time ${(result.ms / 1000).toFixed(1)} s, receiver peak RSS ${fmt(result.peakRss / 2 ** 20)} MiB (peak anonymous ${fmt(result.peakAnon / 2 ** 20)} MiB, peak file-backed ${fmt(result.peakFile / 2 ** 20)} MiB), versions stored ${fmt(result.stored)}`)
await source.sync.stop()
source.store.close()

// 4. Propagation latency A → D along a 4-node chain.
const chain: N[] = ['A', 'B', 'C', 'D'].map((n) => node(n))
for (const n of chain) await n.sync.start()
for (let i = 0; i < 3; i++) {
  const [x, y] = [chain[i]!, chain[i + 1]!]
  x.sync.addPeer({ peerId: y.sync.peerId, multiaddrs: y.sync.addresses() })
  y.sync.addPeer({ peerId: x.sync.peerId, multiaddrs: x.sync.addresses() })
}
const [a, , , d] = chain as [N, N, N, N]
await new Promise((r) => setTimeout(r, 1500))
const createdAt = new Map<string, number>()
const latencies: number[] = []
let seen = d.store.lastSeq()
const poll = setInterval(() => {
  for (const v of d.store.since(seen, 1000)) {
    seen = v.seq
    const c = createdAt.get(v.id)
    if (c !== undefined) latencies.push(performance.now() - c)
  }
}, 2)
for (let i = 0; i < LATENCY_N; i++) {
  const v = prepared(a.signer, COUNT + i)
  createdAt.set(v.id, performance.now())
  a.store.put(v)
  await new Promise((r) => setTimeout(r, 10))
}
const until = Date.now() + 10_000
while (latencies.length < LATENCY_N && Date.now() < until) await new Promise((r) => setTimeout(r, 20))
clearInterval(poll)
latencies.sort((x, y) => x - y)
const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!
out('')
out(`propagation A→D along a 4-node chain (all in one process), ${latencies.length}/${LATENCY_N} objects, one every 10 ms:`)
if (latencies.length > 0) out(`p50 ${q(0.5).toFixed(0)} ms, p95 ${q(0.95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`)
for (const n of chain) {
  await n.sync.stop()
  n.store.close()
}
rmSync(work, { recursive: true, force: true })

/**
 * bench/lookup: lookup latency against a store of N indicators (default 1,000,000),
 * in-process through the real read path (query/Lookup: recognise, normalise, candidates
 * incl. CIDR containment and parent domains, active filter, creator, sightings,
 * warninglists), next to a raw indexed SELECT on the same file in the same run.
 *
 *   pnpm exec tsx bench/lookup/run.ts [count=1000000]
 *
 * Figures are printed, never asserted. The store is built with one reused signature per
 * type (build.ts): the store does not verify, so reads cost the same as with real ones.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import { Lookup } from '../../packages/node/src/query/index.js'
import { NodeSigner } from '../../packages/node/src/sign/signer.js'
import { openStore } from '../../packages/node/src/store/index.js'
import { loadDefaultWarninglists, WarninglistMatcher } from '../../packages/node/src/warninglist/index.js'
import { fmt } from '../lib/measure.js'
import { tuneHeapForNode } from '../../packages/node/src/heap.js'
import { hash48 } from '../../packages/node/src/store/hash48.js'
import { buildStore, KINDS, observableOf, type Kind } from './build.js'

interface RawStatement { get(...args: unknown[]): unknown }
interface RawDatabase { prepare(sql: string): RawStatement; close(): void }
const require = createRequire(new URL('../../packages/node/package.json', import.meta.url))
const Database = require('better-sqlite3') as new (path: string, o: { readonly: boolean }) => RawDatabase

// The V8 heap tuning `certmesh start` applies (packages/node/src/heap.ts).
tuneHeapForNode()
const COUNT = Number(process.argv[2] ?? 1_000_000)
const SINGLE = 20_000
const BATCHES = 30
const BATCH = 1_000
const silent = { namespace: 'bench', debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent }
const out = (s: string): void => void process.stdout.write(s + '\n')
let peakRss = 0
/** Highest RSS seen since the lookups started (the build's own peak is reported apart). */
let lookupRss = 0
let lookupPhase = false
const phases: string[] = []
const phase = (name: string): void => {
  sampleRss()
  phases.push(`${name} ${fmt(process.memoryUsage().rss / 1048576)}`)
}
const sampleRss = (): void => {
  const rss = process.memoryUsage().rss
  peakRss = Math.max(peakRss, rss)
  if (lookupPhase) lookupRss = Math.max(lookupRss, rss)
}

/** Deterministic pseudo-random index in [0, n). */
let state = 20261128
const rand = (n: number): number => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0
  return state % n
}

/** A value that matches indicator i the way `how` says (an address inside a CIDR, a subdomain …). */
function probe(i: number, how: 'exact' | 'inside'): string {
  const o = observableOf(i)
  const kind = KINDS[i % KINDS.length] as Kind
  if (how === 'inside') {
    if (kind === 'ipv4-cidr') return o.value.replace(/\.0\/24$/, `.${1 + (i % 250)}`)
    if (kind === 'ipv6-cidr') return o.value.replace(/::\/48$/, `:17::${(i % 65535).toString(16)}`)
    if (kind === 'domain') return `www.${o.value}`
  }
  return o.value
}

/**
 * A value of kind i % 10 that no indicator matches: observableOf(i ≥ count) for names and
 * hashes, and addresses from 198.18.0.0/15 and 2a04::/16 (the store's are 11-190.x and
 * 2a02/2a03), which no stored network contains.
 */
function miss(i: number): string {
  const kind = KINDS[i % KINDS.length] as Kind
  if (kind === 'ipv4' || kind === 'ipv4-cidr') return `198.${18 + (i & 1)}.${(i >> 1) & 255}.${(i >> 9) & 255}`
  if (kind === 'ipv6' || kind === 'ipv6-cidr') return `2a04:${(i & 0xffff).toString(16)}::${((i >> 16) & 0xffff).toString(16)}`
  return observableOf(COUNT + i).value
}

interface Sample { name: string; ms: number[] }
const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number
}

const work = mkdtempSync(join(tmpdir(), 'certmesh-bench-lookup-'))
const file = join(work, 'certmesh.db')
const store = openStore(file, { logger: silent })
const signer = new NodeSigner(new Uint8Array(createHash('sha256').update('certmesh bench TEST key').digest()))
const now = Date.now()
out(`certmesh lookup benchmark: ${fmt(COUNT)} indicators, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
const buildSeconds = buildStore(store, signer, COUNT, now - 60_000, (done) => {
  sampleRss()
  if (done % 100_000 === 0) process.stderr.write(`  built ${fmt(done)} (${fmt(process.memoryUsage().rss / 1048576)} MiB)\r`)
})
out(`  store built with putBatch: ${fmt(COUNT)} in ${buildSeconds.toFixed(1)} s = ${fmt(COUNT / buildSeconds)} /s, file ${fmt(statSync(file).size / 1048576)} MiB (one reused signature per type: the store does not verify)`)

const buildPeak = Math.max(peakRss, process.resourceUsage().maxRSS * 1024)
phase('built')
lookupPhase = true
const matcher = new WarninglistMatcher((await loadDefaultWarninglists()).lists)
const lookup = new Lookup({ store, self: { identityId: signer.identityId, publicKey: signer.publicKeyB64 }, matcher })
const t = performance.now()
lookup.lookup(['198.18.0.1'])
out(`  first lookup (caches cold): ${(performance.now() - t).toFixed(1)} ms`)
phase('warm')

// Raw floor: one indexed SELECT of the observable key (through its hash in both key
// tiers, as the store finds it: store/key-tiers.ts), same file, separate read-only connection.
const raw = new Database(file, { readonly: true })
const rawStmt = raw.prepare('SELECT seq FROM observable WHERE seq IN (SELECT seq FROM observable_key WHERE key_hash = ?) AND key = ?')

const kinds: { name: string; value: (i: number) => string; expect: boolean }[] = [
  ...KINDS.map((k, ki) => ({ name: `hit ${k}`, value: (i: number) => probe(i - (i % KINDS.length) + ki, 'exact'), expect: true })),
  { name: 'hit ipv4 inside a /24', value: (i) => probe(i - (i % KINDS.length) + 1, 'inside'), expect: true },
  { name: 'hit ipv6 inside a /48', value: (i) => probe(i - (i % KINDS.length) + 3, 'inside'), expect: true },
  { name: 'hit subdomain (parent-domain)', value: (i) => probe(i - (i % KINDS.length) + 4, 'inside'), expect: true },
  { name: 'miss (mixed types)', value: (i) => miss(i), expect: false },
]
const per = Math.ceil(SINGLE / kinds.length)
const samples: Sample[] = []
const all: number[] = []
let unexpected = 0
for (let round = 0; round < 2; round++) {
  // Round 0 warms the JIT and statement caches; round 1 is measured.
  for (const k of kinds) {
    const s: Sample = { name: k.name, ms: [] }
    for (let n = 0; n < (round === 0 ? 200 : per); n++) {
      if ((n & 255) === 0) sampleRss()
      const v = k.value(rand(COUNT))
      const t0 = performance.now()
      const r = lookup.lookup([v])
      s.ms.push(performance.now() - t0)
      if ((r.results[0]?.matches.length ?? 0) > 0 !== k.expect) unexpected++
    }
    if (round === 1) {
      samples.push(s)
      all.push(...s.ms)
    }
  }
  if (round === 0) unexpected = 0
}
phase('single')
const rawMs: number[] = []
for (let n = 0; n < SINGLE; n++) {
  const o = observableOf(rand(COUNT * 2))
  const t0 = performance.now()
  rawStmt.get(hash48(o.key), o.key)
  rawMs.push(performance.now() - t0)
}

phase('raw')
const batchMs: number[] = []
for (let b = 0; b < BATCHES + 3; b++) {
  const values = Array.from({ length: BATCH }, (_, n) => kinds[n % kinds.length]!.value(rand(COUNT)))
  const t0 = performance.now()
  lookup.lookup(values)
  if (b >= 3) batchMs.push(performance.now() - t0)
  sampleRss()
}

const row = (name: string, ms: number[]): string =>
  `  ${name.padEnd(32)} p50 ${pct(ms, 50).toFixed(3).padStart(7)} ms  p99 ${pct(ms, 99).toFixed(3).padStart(7)} ms  (${fmt(ms.length)} lookups)`
out(`\nsingle lookups (Lookup.lookup([value]), in-process):`)
for (const s of samples) out(row(s.name, s.ms))
out(row('ALL single lookups', all))
out(row('raw SELECT by key (floor)', rawMs))
out(`  p99 all / p99 raw SELECT: ×${(pct(all, 99) / pct(rawMs, 99)).toFixed(1)}; wrong hit/miss answers: ${unexpected}`)
out(`\nbatches of ${fmt(BATCH)} mixed values (Lookup.lookup(values)):`)
out(`  p50 ${pct(batchMs, 50).toFixed(1)} ms  p99 ${pct(batchMs, 99).toFixed(1)} ms per batch = ${fmt((BATCH * 1000) / pct(batchMs, 50))} values/s at p50 (${BATCHES} batches)`)
phase('batches')
out(`\nRSS: peak while looking up ${fmt(lookupRss / 1048576)} MiB; peak while building the store ${fmt(buildPeak / 1048576)} MiB (batches of 25,000 prepared versions in memory)`)
out(`RSS after each phase (MiB): ${phases.join(', ')}`)
out(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
raw.close()
store.close()
signer.close()
rmSync(work, { recursive: true, force: true })

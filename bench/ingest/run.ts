/**
 * bench/ingest: the ingest pipeline against its two floors, measured in the same run:
 * a plain SQLite INSERT of similar rows (10k-row transactions, same pragmas as the store)
 * and a raw node:crypto Ed25519 signature. Every indicator we create costs at least one
 * of each, so those rates bound what the pipeline can reach on this machine.
 *
 *   pnpm exec tsx bench/ingest/run.ts [count=100000]
 *
 * Figures are printed, never asserted. Peak RSS is mostly garbage V8 has not collected
 * yet: by default V8 lets the old generation grow to ~4× what was live after the last full
 * GC (the node, and this bench, fix that factor at 2: packages/node/src/heap.ts), so
 * what an import keeps alive (the input, one report item per line) and what it promotes
 * (anything a batch holds across two young-generation GCs) set the peak. Text lists and
 * CSV are therefore read row by row, report items kept in columns, and indicators signed
 * 256 at a time (ingest/constants.ts); the rest of the peak is ~95 MB of node + tsx +
 * modules, the store's memory-mapped file (~30 MB) and the young generation (32 MB).
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadConfig } from '../../packages/node/src/config/index.js'
import { tuneHeapForNode } from '../../packages/node/src/heap.js'
import { Ingestor } from '../../packages/node/src/ingest/index.js'
import { NodeSigner } from '../../packages/node/src/sign/signer.js'
import { openStore, type Store } from '../../packages/node/src/store/index.js'
import { loadDefaultWarninglists, WarninglistMatcher } from '../../packages/node/src/warninglist/index.js'
import { fmt } from '../lib/measure.js'

// better-sqlite3 is a dependency of packages/node, not of the workspace root.
interface RawStatement { run(...args: unknown[]): { lastInsertRowid: number | bigint } }
interface RawDatabase {
  pragma(s: string): unknown
  exec(sql: string): void
  prepare(sql: string): RawStatement
  transaction<A extends unknown[]>(fn: (...args: A) => void): { immediate(...args: A): void }
  close(): void
}
const require = createRequire(new URL('../../packages/node/package.json', import.meta.url))
const Database = require('better-sqlite3') as new (path: string) => RawDatabase

const COUNT = Number(process.argv[2] ?? 100_000)
const work = mkdtempSync(join(tmpdir(), 'certmesh-bench-ingest-'))
const silent = { namespace: 'bench', debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, child: () => silent }
let peakRss = 0
const sampleRss = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}

/** Deterministic mixed values: IPv4, IPv6, domains, URLs, e-mail, MD5, SHA-1, SHA-256. */
function value(i: number): [string, string] {
  const h = createHash('sha256').update(`certmesh bench ${i}`).digest('hex')
  switch (i % 8) {
    case 0: return ['ipv4-addr', `${11 + (i % 200)}.${(i >> 8) & 255}.${(i >> 16) & 255}.${(i & 255) | 1}`]
    case 1: return ['ipv6-addr', `2a02:${h.slice(0, 4)}:${h.slice(4, 8)}::${(i % 65535).toString(16)}`]
    case 2: return ['domain-name', `c2-${h.slice(0, 10)}.bad${i % 50}.org`]
    case 3: return ['url', `http://dl-${h.slice(0, 8)}.example.net/p/${h.slice(8, 20)}?id=${i}`]
    case 4: return ['email-addr', `phish${i}@${h.slice(0, 8)}.example.org`]
    case 5: return ['md5', h.slice(0, 32)]
    case 6: return ['sha1', h.slice(0, 40)]
    default: return ['sha256', h]
  }
}

interface Run {
  name: string
  count: number
  seconds: number
  summary?: Record<string, number>
}

function freshIngestor(name: string, matcher: WarninglistMatcher): { ingestor: Ingestor; store: Store; signer: NodeSigner } {
  const dir = mkdtempSync(join(work, `${name}-`))
  const store = openStore(join(dir, 'certmesh.db'), { logger: silent })
  const signer = new NodeSigner(new Uint8Array(createHash('sha256').update('certmesh bench TEST key').digest()))
  return { store, signer, ingestor: new Ingestor({ store, signer, config: loadConfig(dir), matcher }) }
}

function timeImport(name: string, fileName: string, text: string, matcher: WarninglistMatcher, count: number): Run {
  const { ingestor, store, signer } = freshIngestor(name, matcher)
  const start = performance.now()
  const report = ingestor.importText(fileName, text, {}, sampleRss)
  const seconds = (performance.now() - start) / 1000
  sampleRss()
  store.close()
  // Its signing worker thread (sign/pool.ts) is not needed by the next run.
  signer.close()
  return { name, count, seconds, summary: report.summary }
}

/** Plain INSERTs of rows shaped like object_version (text id, hash, ~700-byte JSON) plus an observable row. */
function rawSqlite(count: number): Run {
  const db = new Database(join(work, 'raw.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.exec(`CREATE TABLE v (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL, modified TEXT NOT NULL, hash TEXT NOT NULL, json TEXT NOT NULL, valid_until INTEGER);
    CREATE UNIQUE INDEX v_key ON v(id, modified, hash);
    CREATE TABLE o (seq INTEGER NOT NULL, key TEXT NOT NULL, PRIMARY KEY (seq, key));
    CREATE INDEX o_key ON o(key, seq);`)
  const insV = db.prepare('INSERT INTO v (id, modified, hash, json, valid_until) VALUES (?, ?, ?, ?, ?)')
  const insO = db.prepare('INSERT INTO o (seq, key) VALUES (?, ?)')
  const body = 'x'.repeat(700)
  const tx = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const h = createHash('sha256').update(String(i)).digest('hex')
      const r = insV.run(`indicator--${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`, '2026-11-28T09:00:00.000Z', h, body, i)
      insO.run(r.lastInsertRowid, `file:hashes.SHA-256=${h}`)
    }
  })
  const start = performance.now()
  for (let i = 0; i < count; i += 10_000) tx.immediate(i, Math.min(count, i + 10_000))
  const seconds = (performance.now() - start) / 1000
  db.close()
  return { name: 'raw SQLite INSERT (10k rows/tx)', count, seconds }
}

function rawSign(count: number): Run {
  const { privateKey } = generateKeyPairSync('ed25519')
  const msg = Buffer.from('x'.repeat(600))
  const start = performance.now()
  for (let i = 0; i < count; i++) sign(null, msg, privateKey)
  return { name: 'raw node:crypto Ed25519 sign', count, seconds: (performance.now() - start) / 1000 }
}

// The same V8 heap tuning as `certmesh start` (packages/node/src/heap.ts).
const heapTuned = tuneHeapForNode()
const matcher = new WarninglistMatcher((await loadDefaultWarninglists()).lists)
// Each file is made just before its import and dropped after it, as a node holds one
// upload at a time: [type, value] pairs or the other file kept alive beside it added
// ~20-40 MB to the live heap the import runs next to, and V8 lets garbage grow with it.
function txtFile(count: number): string {
  const lines: string[] = []
  for (let i = 0; i < count; i++) lines.push(value(i)[1])
  return lines.join('\n')
}
function csvFile(count: number): string {
  const rows: string[] = []
  for (let i = 0; i < count; i++) {
    const [t, v] = value(i)
    rows.push(`${v},${t},70`)
  }
  return `value,type,confidence\n${rows.join('\n')}\n`
}
sampleRss()

const runs: Run[] = [rawSqlite(COUNT), rawSign(Math.min(COUNT, 20_000))]
runs.push(timeImport('import txt', 'bench.txt', txtFile(COUNT), matcher, COUNT))
runs.push(timeImport('import csv', 'bench.csv', csvFile(COUNT), matcher, COUNT))

const corpus = join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'misp')
if (existsSync(corpus)) {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.json') && !f.startsWith('pypi_backdoor'))
  const { ingestor, store, signer } = freshIngestor('eset', matcher)
  const start = performance.now()
  let indicators = 0
  for (const f of files) {
    const r = ingestor.importText(f, readFileSync(join(corpus, f), 'utf8'))
    indicators += r.summary.created
  }
  runs.push({ name: `ESET MISP corpus (${files.length} events)`, count: indicators, seconds: (performance.now() - start) / 1000 })
  store.close()
  signer.close()
}
sampleRss()

const rate = (r: Run): number => r.count / r.seconds
const [sqlite, signRun] = runs as [Run, Run]
process.stdout.write(`\ncertmesh ingest benchmark: ${fmt(COUNT)} generated indicators (8 types), default warninglists, fresh store file each; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`)
for (const r of runs) {
  const ratios = r === sqlite || r === signRun ? '' : `  ×${(rate(r) / rate(sqlite)).toFixed(3)} of raw SQLite, ×${(rate(r) / rate(signRun)).toFixed(2)} of raw sign`
  const summary = r.summary ? `  (created ${r.summary.created}, unchanged ${r.summary.unchanged}, rejected ${r.summary.rejected}, flagged ${r.summary.flagged})` : ''
  process.stdout.write(`  ${r.name.padEnd(34)} ${fmt(r.count).padStart(8)} in ${r.seconds.toFixed(2).padStart(6)} s = ${fmt(rate(r)).padStart(9)} /s${ratios}${summary}\n`)
}
const maxRss = process.resourceUsage().maxRSS * 1024
process.stdout.write(`  peak RSS: ${fmt(Math.max(peakRss, maxRss) / 1048576)} MiB (resourceUsage maxRSS ${fmt(maxRss / 1048576)} MiB; V8 heap tuning ${heapTuned ? 'as the node applies it' : 'set by NODE_OPTIONS'})\n`)
rmSync(work, { recursive: true, force: true })

/**
 * bench/http: the node's HTTP API under load, next to a bare hono JSON route in the same
 * process, so the ratio shows what certmesh adds on top of the framework.
 *
 *   pnpm exec tsx bench/http/run.ts [--objects 1000000] [--seconds 5] [--connections 16]
 *
 * The store (N signed indicators) is built once in $TMPDIR/certmesh-bench-http-N and
 * reused. Load comes from a second process (load.ts: node:http keep-alive connections,
 * each sending its next request when the previous answer is read). Scenarios:
 * TAXII pages of 100 (objects in both collections, manifest) at random added_after
 * positions, single and batch lookup, and the domain feed (N/10 values) when the node
 * has feeds. Figures are printed, never asserted.
 */
import '../../packages/node/src/polyfill.js'
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { configureLogging } from '../../packages/node/src/log.js'
import { CertmeshNode } from '../../packages/node/src/node.js'
import { listenHttp } from '../../packages/node/src/serve/http/listen.js'
import { formatMicros } from '../../packages/node/src/serve/http/taxii/timestamps.js'
import { fmt } from '../lib/measure.js'
import { buildBenchStore } from './build-store.js'
import type { LoadResult, LoadSpec } from './load.js'

// hono is a dependency of packages/node, not of the workspace root: load the very same copy.
interface BareHono {
  get(path: string, handler: (c: { json(value: unknown): Response }) => Response): void
  fetch: (req: Request) => Response | Promise<Response>
}
const { Hono } = createRequire(new URL('../../packages/node/package.json', import.meta.url))('hono') as { Hono: new () => BareHono }

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}

const OBJECTS = arg('objects', 1_000_000)
const SECONDS = arg('seconds', 5)
const CONNECTIONS = arg('connections', 16)
const TAXII = 'application/taxii+json;version=2.1'
const log = (msg: string) => process.stdout.write(`${msg}\n`)

function load(spec: Omit<LoadSpec, 'connections' | 'seconds' | 'warmupSeconds'> & Partial<LoadSpec>): Promise<LoadResult> {
  const full: LoadSpec = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: 1, ...spec }
  const script = fileURLToPath(new URL('./load.ts', import.meta.url))
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(full)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadResult) : reject(new Error(`load generator exited with ${code}`))))
  })
}

async function main(): Promise<void> {
  configureLogging({ level: 'warn' })
  const data = buildBenchStore(OBJECTS, log)
  const node = await CertmeshNode.open(data.dir)
  await node.start()
  const bare = new Hono()
  bare.get('/json', (c) => c.json({ status: 'ok', objects: 0 }))
  const bareListener = await listenHttp({ listen: { host: '127.0.0.1', port: 0 }, fetch: bare.fetch })
  const auth = { authorization: `Bearer ${data.adminToken}` }
  const base = node.httpUrl

  // Random added_after positions spread over the whole store, so pages come from everywhere.
  const first = node.store.page({ limit: 1 }).items[0]!.dateAdded
  const last = node.store.since(node.store.lastSeq() - 1, 1)[0]!.dateAdded
  const positions = Array.from({ length: 1000 }, () => formatMicros(Math.floor(first + Math.random() * (last - first - 200_000))))
  const page = (path: string) => positions.map((p) => `${base}/taxii2/api/collections/${path}?limit=100&added_after=${p}`)

  // The store file is larger than the page cache holds warm after the build: read every
  // page position once so the first scenario does not pay for cold pages alone.
  for (const p of positions) node.store.page({ limit: 101, addedAfter: Math.floor(Date.parse(p) * 1000) })

  log(`\nnode: ${node.store.count().versions.toLocaleString('en-US')} object versions; ${CONNECTIONS} connections, ${SECONDS} s per row, load from a second process`)
  const run = async (spec: Parameters<typeof load>[0], perRequest?: [number, string]) => {
    const r = await load(spec)
    if (r.requests === 0) return log(`  ${r.name.padEnd(34)} no request completed in ${r.seconds} s ${JSON.stringify(r.statuses)}`)
    const extra = perRequest ? `  ${fmt(r.rps * perRequest[0]).padStart(10)} ${perRequest[1]}/s` : ''
    log(
      `  ${r.name.padEnd(34)} ${fmt(r.rps).padStart(9)} req/s  p50 ${r.p50ms.toFixed(2).padStart(6)} ms  p99 ${r.p99ms.toFixed(2).padStart(7)} ms  ${r.mbPerSec.toFixed(1).padStart(6)} MB/s${extra}  ${JSON.stringify(r.statuses)}${r.errors ? ` errors ${r.errors}` : ''}`,
    )
  }

  await run({ name: 'bare hono JSON route', method: 'GET', urls: [`${bareListener.url}/json`], headers: {} })
  await run({ name: 'GET /healthz (node app)', method: 'GET', urls: [`${base}/healthz`], headers: {} })
  await run({ name: 'TAXII objects, all, 100/page', method: 'GET', urls: page('all/objects/'), headers: { ...auth, accept: TAXII } }, [100, 'objects'])
  await run({ name: 'TAXII objects, indicators, 100/page', method: 'GET', urls: page('indicators/objects/'), headers: { ...auth, accept: TAXII } }, [100, 'objects'])
  await run({ name: 'TAXII manifest, all, 100/page', method: 'GET', urls: page('all/manifest/'), headers: { ...auth, accept: TAXII } }, [100, 'records'])

  const probe = await fetch(`${base}/api/v1/lookup?value=${data.sampleValues[0]}`, { headers: auth })
  if (probe.status === 404) log('  lookup: skipped, GET /api/v1/lookup is not there yet')
  else {
    await run({ name: 'lookup, one value (GET)', method: 'GET', urls: data.sampleValues.map((v) => `${base}/api/v1/lookup?value=${encodeURIComponent(v)}`), headers: auth }, [1, 'lookups'])
    const batch = JSON.stringify({ values: data.sampleValues.slice(0, 1000) })
    await run({ name: 'lookup, 1,000 values (POST)', method: 'POST', urls: [`${base}/api/v1/lookup`], headers: { ...auth, 'content-type': 'application/json' }, body: batch }, [1000, 'lookups'])
  }

  const feed = await fetch(`${base}/api/v1/feeds/domain.txt`, { headers: auth })
  await feed.arrayBuffer()
  if (feed.status === 404) log('  feeds: skipped, GET /api/v1/feeds/domain.txt is not there yet')
  else {
    const name = `feed domain.txt (${(OBJECTS / 10).toLocaleString('en-US')} values)`
    await run({ name, method: 'GET', urls: [`${base}/api/v1/feeds/domain.txt`], headers: auth, connections: 2, seconds: Math.max(SECONDS, 10) }, [OBJECTS / 10, 'values'])
  }

  await bareListener.close()
  await node.stop()
}

main().catch((err: unknown) => {
  process.stderr.write(`bench/http failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})

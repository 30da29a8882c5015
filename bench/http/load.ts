/**
 * The load generator, run as a separate process so that it does not share the server's
 * event loop: `connections` keep-alive connections, each sending its next request as soon
 * as the previous answer is fully read, for `seconds` after a warm-up. Prints one JSON line.
 */
import { Agent, request } from 'node:http'

export interface LoadSpec {
  name: string
  method: 'GET' | 'POST'
  /** Requests cycle through these URLs. */
  urls: string[]
  headers: Record<string, string>
  body?: string
  connections: number
  seconds: number
  warmupSeconds: number
}

export interface LoadResult {
  name: string
  requests: number
  errors: number
  statuses: Record<string, number>
  seconds: number
  rps: number
  p50ms: number
  p99ms: number
  mbPerSec: number
}

function once(agent: Agent, spec: LoadSpec, url: string): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: spec.method, agent, headers: spec.headers }, (res) => {
      let bytes = 0
      res.on('data', (b: Buffer) => (bytes += b.length))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(spec.body)
  })
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: spec.connections })
  const latencies: number[] = []
  const statuses: Record<string, number> = {}
  let errors = 0
  let bytes = 0
  let next = 0
  const warmEnd = performance.now() + spec.warmupSeconds * 1000
  const end = warmEnd + spec.seconds * 1000
  const worker = async () => {
    for (;;) {
      const t0 = performance.now()
      if (t0 >= end) return
      const url = spec.urls[next++ % spec.urls.length]!
      try {
        const r = await once(agent, spec, url)
        if (t0 >= warmEnd) {
          latencies.push(performance.now() - t0)
          statuses[r.status] = (statuses[r.status] ?? 0) + 1
          bytes += r.bytes
        }
      } catch {
        errors++
      }
    }
  }
  await Promise.all(Array.from({ length: spec.connections }, worker))
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const q = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN
  return {
    name: spec.name,
    requests: latencies.length,
    errors,
    statuses,
    seconds: spec.seconds,
    rps: latencies.length / spec.seconds,
    p50ms: q(0.5),
    p99ms: q(0.99),
    mbPerSec: bytes / spec.seconds / 1e6,
  }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec
run(spec).then(
  (r) => process.stdout.write(JSON.stringify(r) + '\n'),
  (err: unknown) => {
    process.stderr.write(`load generator failed: ${String(err)}\n`)
    process.exit(1)
  },
)

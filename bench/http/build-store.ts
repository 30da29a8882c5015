/**
 * A bench node with N indicators, built once and reused. 10% are domain-name indicators,
 * so the domain feed holds N/10 values; the rest are IPv4.
 *
 * Signing and preparing an object takes ~0.5 ms here, so only the first TEMPLATES objects
 * are real (signed by the node with node:crypto, prepared by the ingest code); the others
 * are copies of them with a new id and value, a correct hash and observables, but a
 * signature that no longer verifies. Serving never re-verifies, so reads cost the same;
 * the bench must not be used to test verification. Written with store.putBatch.
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { canonicalize, TLP2_MARKING_IDS } from '@certmesh/protocol'
import { dataDirLayout } from '../../packages/node/src/datadir/layout.js'
import { initDataDir } from '../../packages/node/src/datadir/init.js'
import { prepareVersion } from '../../packages/node/src/ingest/prepare.js'
import { readKeyFile } from '../../packages/node/src/sign/key-file.js'
import { NodeSigner } from '../../packages/node/src/sign/signer.js'
import { openStore } from '../../packages/node/src/store/open.js'
import type { PreparedVersion } from '../../packages/node/src/store/types.js'

export interface BenchData {
  dir: string
  adminToken: string
  /** Sample observable values that are in the store. */
  sampleValues: string[]
}

const BATCH = 10_000
const TEMPLATES = 5_000

function ipBytes(ip: string): Uint8Array {
  return Uint8Array.from(ip.split('.').map(Number))
}

/** Object i as a copy of real template t: same shape and size, other id and value. */
function copyOf(t: PreparedVersion, tValue: string, i: number): PreparedVersion {
  const { type, value } = benchValue(i)
  const id = `indicator--${crypto.randomUUID()}`
  const json = t.json.replace(t.id, id).replaceAll(tValue, value)
  return {
    ...t,
    id,
    json,
    hash: createHash('sha256').update(json, 'utf8').digest('hex'),
    observables: t.observables.map((o) => ({
      ...o,
      key: o.key.replaceAll(tValue, value),
      value: o.value.replaceAll(tValue, value),
      ...(o.network && type === 'ipv4-addr' && { network: { ...o.network, bytes: ipBytes(value) } }),
    })),
  }
}

/** Value number i: a public-looking IPv4 (never a documentation or private range), or a domain every 10th. */
export function benchValue(i: number): { type: 'ipv4-addr' | 'domain-name'; value: string } {
  if (i % 10 === 9) return { type: 'domain-name', value: `h${i.toString(36)}.bench-certmesh.example` }
  const n = 0x2d000000 + i // 45.0.0.0 upwards
  return { type: 'ipv4-addr', value: `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}` }
}

function indicator(signer: NodeSigner, i: number, now: string): Record<string, unknown> {
  const { type, value } = benchValue(i)
  return signer.sign({
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${crypto.randomUUID()}`,
    created: now,
    modified: now,
    created_by_ref: signer.identityId,
    name: `bench ${type} ${value}`,
    indicator_types: ['malicious-activity'],
    pattern: `[${type}:value = '${value}']`,
    pattern_type: 'stix',
    valid_from: now,
    valid_until: '2099-01-01T00:00:00.000Z',
    confidence: 70,
    object_marking_refs: [TLP2_MARKING_IDS.green],
  })
}

export function buildBenchStore(count: number, log: (msg: string) => void): BenchData {
  const dir = join(tmpdir(), `certmesh-bench-http-${count}`)
  const layout = dataDirLayout(dir)
  if (!existsSync(layout.key)) initDataDir({ dataDir: dir, name: 'CERT Bench', http: '127.0.0.1:0' })
  const adminToken = readFileSync(layout.adminToken, 'utf8').trim()
  const signer = new NodeSigner(readKeyFile(layout.key))
  const store = openStore(layout.database)
  try {
    const have = store.count().versions - 1 // the identity
    if (have < count) {
      log(`building ${count - have} indicators in ${dir} (once; reused by later runs)`)
      const started = performance.now()
      const now = new Date().toISOString()
      const templates: PreparedVersion[] = []
      for (let i = 0; i < Math.min(TEMPLATES, count); i++) {
        const obj = indicator(signer, i, now)
        templates.push(prepareVersion(obj, canonicalize(obj), { origin: 'local', signer: signer.publicKeyB64 }))
      }
      for (let from = have; from < count; from += BATCH) {
        const batch: PreparedVersion[] = []
        for (let i = from; i < Math.min(count, from + BATCH); i++) {
          // Template j has the same type as i (both are domains exactly when index % 10 === 9).
          const j = i % TEMPLATES
          batch.push(i < TEMPLATES ? templates[i]! : copyOf(templates[j]!, benchValue(j).value, i))
        }
        store.putBatch(batch)
        if ((from / BATCH) % 10 === 0) log(`  ${from + batch.length} / ${count} (${Math.round((performance.now() - started) / 1000)} s)`)
      }
    }
  } finally {
    store.close()
  }
  const sampleValues = Array.from({ length: 2000 }, () => benchValue(Math.floor(Math.random() * count)).value)
  return { dir, adminToken, sampleValues }
}

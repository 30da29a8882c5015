/**
 * Multi-node test harness: real stores in temp dirs, real libp2p on 127.0.0.1 port 0,
 * objects signed exactly as a node signs its own (canonical JSON + certmesh signature).
 */
import { randomBytes, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { canonicalize, markingIdForTlp, type Tlp } from '@certmesh/protocol'
import { prepareVersion } from '../../src/ingest/prepare.js'
import type { Logger } from '../../src/log.js'
import { makeIdentity } from '../../src/sign/identity.js'
import { NodeSigner } from '../../src/sign/signer.js'
import { openStore } from '../../src/store/open.js'
import type { Store } from '../../src/store/writer.js'
import { SyncService, type SyncConfig } from '../../src/sync/service.js'
import type { Verifier } from '../../src/sync/verify.js'
import { TempDirGroup } from '../../../../test/temp-dir.js'

export const quiet: Logger = {
  namespace: 'test',
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => quiet,
}

const dirs = new TempDirGroup('certmesh-mn-')

export function tempDir(): string {
  return dirs.make()
}

/** Call after the nodes using these dirs are stopped. */
export function removeTempDirs(): void {
  dirs.removeAll()
}

export interface TestNode {
  name: string
  dir: string
  seed: Uint8Array
  signer: NodeSigner
  store: Store
  sync: SyncService
  /** Dialable address with /p2p/ (after start). */
  addr: string
}

export interface NodeOptions {
  config?: Partial<SyncConfig>
  verifier?: Verifier
  /** Reuse a directory and key (restart). */
  dir?: string
  seed?: Uint8Array
  withIdentity?: boolean
}

export async function startNode(name: string, o: NodeOptions = {}): Promise<TestNode> {
  const dir = o.dir ?? tempDir()
  const seed = o.seed ?? new Uint8Array(randomBytes(32))
  const signer = new NodeSigner(seed)
  const store = openStore(join(dir, 'certmesh.db'))
  if (o.withIdentity !== false && store.get(signer.identityId) === undefined) putOwn({ signer, store }, { ...makeIdentity(signer, `${name} CERT (TEST)`) })
  const sync = new SyncService({
    store,
    seed,
    publicKey: signer.publicKeyB64,
    config: {
      listen: ['/ip4/127.0.0.1/tcp/0'],
      maxConnections: 32,
      pullIntervalMs: 60_000,
      acceptUnknownCreators: true,
      defaultTlp: 'amber',
      verifyThreads: 0,
      ...o.config,
    },
    ...(o.verifier && { verifier: o.verifier }),
    logger: process.env.CM_DEBUG ? undefined : quiet,
  })
  await sync.start()
  return { name, dir, seed, signer, store, sync, addr: sync.addresses()[0]! }
}

export async function stopNode(n: TestNode): Promise<void> {
  await n.sync.stop()
  n.store.close()
}

/** a trusts b (one direction). */
export function trust(a: TestNode, b: TestNode, opts: { amber?: boolean } = {}): void {
  a.sync.addPeer({ peerId: b.sync.peerId, multiaddrs: [b.addr], name: b.name, amber: opts.amber ?? false })
}

/** Both trust each other. */
export function link(a: TestNode, b: TestNode, opts: { amber?: boolean } = {}): void {
  trust(a, b, opts)
  trust(b, a, opts)
}

/** Signs and stores an object as `n`'s own (origin local). */
export function putOwn(n: Pick<TestNode, 'signer' | 'store'>, obj: Record<string, unknown>): Record<string, unknown> {
  const signed = n.signer.sign(obj)
  const r = n.store.put(prepareVersion(signed, canonicalize(signed), { origin: 'local', signer: n.signer.publicKeyB64 }))
  if (r.status === 'rejected') throw new Error(`putOwn: ${r.reason}: ${r.message}`)
  return signed
}

let clock = Date.now() - 60_000
/** Strictly increasing STIX timestamps, so successive versions always differ. */
export function stamp(): string {
  clock = Math.max(clock + 1, Date.now() - 60_000)
  return new Date(clock).toISOString()
}

export function indicator(n: Pick<TestNode, 'signer'>, tlp: Tlp | null, value = `198.51.100.${Math.floor(Math.random() * 250) + 1}`): Record<string, unknown> {
  const t = stamp()
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: t,
    modified: t,
    created_by_ref: n.signer.identityId,
    name: `IPv4 ${value}`,
    pattern: `[ipv4-addr:value = '${value}']`,
    pattern_type: 'stix',
    valid_from: t,
    ...(tlp !== null && { object_marking_refs: [markingIdForTlp(tlp)] }),
  }
}

/** The next version of a signed object, with `changes` applied and the signature removed. */
export function nextVersion(obj: Record<string, unknown>, changes: Record<string, unknown>): Record<string, unknown> {
  const { extensions: _ext, ...rest } = obj
  return { ...rest, ...changes, modified: stamp() }
}

export function sighting(n: Pick<TestNode, 'signer'>, indicatorId: string, tlp: Tlp): Record<string, unknown> {
  const t = stamp()
  return {
    type: 'sighting',
    spec_version: '2.1',
    id: `sighting--${randomUUID()}`,
    created: t,
    modified: t,
    created_by_ref: n.signer.identityId,
    sighting_of_ref: indicatorId,
    count: 1,
    first_seen: t,
    last_seen: t,
    object_marking_refs: [markingIdForTlp(tlp)],
  }
}

export async function waitFor(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The JSON of the current version of `id` at node n, or undefined. */
export function current(n: TestNode, id: string): string | undefined {
  return n.store.get(id)?.json
}

import { createHash } from 'node:crypto'
import { loadConfig, type NodeConfig } from '../config/index.js'
import { NodeSigner } from '../sign/signer.js'
import { openStore, type Store } from '../store/index.js'
import { removeTempDirs, silentLogger, tempDbPath } from '../store/test-support.js'
import { loadDefaultWarninglists, WarninglistMatcher } from '../warninglist/index.js'
import { Ingestor } from './ingestor.js'

/** Helpers for the ingest tests: real store files in the temp dir, TEST keys from public labels. */
export { removeTempDirs }

/** A TEST seed: SHA-256 of a public label. Never use for anything real. */
export function testSigner(label: string): NodeSigner {
  return new NodeSigner(new Uint8Array(createHash('sha256').update(`certmesh ingest test key ${label}`).digest()))
}

/** Embedded defaults (no config file in an empty dir): TLP amber, confidence 50. */
export function testConfig(): NodeConfig {
  const path = tempDbPath()
  return loadConfig(path.slice(0, path.lastIndexOf('/')))
}

let matcher: WarninglistMatcher | undefined
export async function defaultMatcher(): Promise<WarninglistMatcher> {
  if (matcher === undefined) matcher = new WarninglistMatcher((await loadDefaultWarninglists()).lists)
  return matcher
}

export interface Harness {
  store: Store
  signer: NodeSigner
  ingestor: Ingestor
  clock: { now: number }
}

export const T0 = Date.UTC(2026, 10, 28, 9, 0, 0)

/** A fresh store file, our signer, an ingestor with a settable clock. */
export async function harness(opts: { matcher?: boolean; label?: string } = {}): Promise<Harness> {
  const clock = { now: T0 }
  const store = openStore(tempDbPath(), { logger: silentLogger, now: () => clock.now })
  const signer = testSigner(opts.label ?? 'ours')
  const ingestor = new Ingestor({
    store,
    signer,
    config: testConfig(),
    ...(opts.matcher !== false && { matcher: await defaultMatcher() }),
    now: () => clock.now,
  })
  return { store, signer, ingestor, clock }
}

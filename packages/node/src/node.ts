import { peerIdFromPublicKey } from '@certmesh/protocol'
import { loadConfig, type NodeConfig } from './config/config.js'
import { formatHostPort } from './config/host-port.js'
import { dataDirLayout, isInitialised } from './datadir/layout.js'
import { Ingestor } from './ingest/ingestor.js'
import { createLogger, type Logger } from './log.js'
import { Lookup } from './query/lookup.js'
import { buildApp } from './serve/http/app.js'
import { listenHttp, type HttpListener } from './serve/http/listen.js'
import { activeEd25519, sodiumFallbackReason } from './sign/ed25519.js'
import { readKeyFile } from './sign/key-file.js'
import { NodeSigner } from './sign/signer.js'
import { openStore } from './store/open.js'
import { SyncService, syncConfigFrom } from './sync/index.js'
import type { Store } from './store/writer.js'
import { loadNodeWarninglists } from './warninglist/node-lists.js'
import type { WarninglistMatcher } from './warninglist/matcher.js'

export const CERTMESH_VERSION = '0.1.0'

export class NodeNotInitialisedError extends Error {
  override readonly name = 'NodeNotInitialisedError'
}

export interface NodeInfo {
  peer_id: string
  public_key: string
  identity_id: string
  name: string
  http: string
  p2p: string[]
  version: string
  objects: number
}

/**
 * One running certmesh node. Parts start in data-flow order (store → warninglists →
 * ingest/query → HTTP) and stop in reverse; nothing reads files or the environment after
 * `open`.
 */
export class CertmeshNode {
  private http: HttpListener | undefined

  private constructor(
    readonly config: NodeConfig,
    readonly signer: NodeSigner,
    readonly store: Store,
    readonly matcher: WarninglistMatcher,
    readonly ingestor: Ingestor,
    readonly lookup: Lookup,
    readonly log: Logger,
    readonly sync: SyncService,
    /** The node's clock, epoch ms: every time-dependent answer (HTTP included) reads this one. */
    readonly now: () => number,
  ) {}

  static async open(dataDir: string, opts: { now?: () => number } = {}): Promise<CertmeshNode> {
    if (!isInitialised(dataDir)) throw new NodeNotInitialisedError(`no certmesh node in ${dataDirLayout(dataDir).dir}: run \`certmesh init\``)
    const log = createLogger('node')
    const config = loadConfig(dataDirLayout(dataDir).dir)
    const seed = readKeyFile(dataDirLayout(dataDir).key)
    const signer = new NodeSigner(seed)
    const now = opts.now ?? Date.now
    const store = openStore(dataDirLayout(dataDir).database, { now })
    try {
      const matcher = await loadNodeWarninglists(config, log)
      const ingestor = new Ingestor({ store, signer, config, matcher, now })
      const lookup = new Lookup({ store, self: { identityId: signer.identityId, publicKey: signer.publicKeyB64 }, matcher, now })
      const sync = new SyncService({ store, seed, publicKey: signer.publicKeyB64, config: syncConfigFrom(config), matcher, now })
      return new CertmeshNode(config, signer, store, matcher, ingestor, lookup, log, sync, now)
    } catch (err) {
      store.close()
      throw err
    }
  }

  get name(): string {
    const identity = this.store.get(this.signer.identityId)
    const name = identity ? (JSON.parse(identity.json) as { name?: unknown }).name : undefined
    return typeof name === 'string' ? name : this.config.name
  }

  get httpUrl(): string {
    return this.http?.url ?? `http://${formatHostPort(this.config.http.listen)}`
  }

  info(): NodeInfo {
    return {
      peer_id: peerIdFromPublicKey(this.signer.publicKey),
      public_key: this.signer.publicKeyB64,
      identity_id: this.signer.identityId,
      name: this.name,
      http: this.httpUrl,
      p2p: this.config.p2p.listen,
      version: CERTMESH_VERSION,
      // Stored versions: the log never deletes a row and seq is AUTOINCREMENT (a rolled-back
      // insert returns its number), so the highest seq is the count, read from one index
      // seek instead of a COUNT(*) over a store of millions.
      objects: this.store.lastSeq(),
    }
  }

  async start(): Promise<void> {
    const app = buildApp(this)
    const { tlsCert, tlsKey } = this.config.http
    this.http = await listenHttp({
      listen: this.config.http.listen,
      fetch: app.fetch,
      ...(tlsCert && tlsKey && { tls: { cert: tlsCert, key: tlsKey } }),
    })
    await this.sync.start()
    this.log.info('node started', { http: this.http.url, peer_id: this.info().peer_id, identity: this.signer.identityId, ed25519: activeEd25519().name })
    const noSodium = sodiumFallbackReason()
    if (noSodium !== undefined) this.log.warn('libsodium did not load: signing and verifying with node:crypto, about half as fast', { reason: noSodium })
  }

  async stop(): Promise<void> {
    await this.sync.stop()
    if (this.http) await this.http.close()
    this.http = undefined
    this.store.close()
    this.log.info('node stopped')
  }
}

/**
 * The sync service: one libp2p node, the allowlist, the pull server and client, notify and
 * redial. Start order: allowlist from the store → libp2p (gater first) → handlers →
 * notifier and dials; stop in reverse, counters flushed last (docs/protocol.md §9).
 */
import { peerIdFromPublicKey, type Tlp } from '@certmesh/protocol'
import type { Libp2p } from '@libp2p/interface'
import { peerIdFromString } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import { createLogger, type Logger } from '../log.js'
import type { PeerRecord } from '../store/peers.js'
import type { Store } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'
import { Allowlist, peerMultiaddr, publicKeyOfPeerId, type TrustedPeer } from './allowlist.js'
import { COUNTER_FLUSH_MS, MAX_NOTIFY_STREAMS, MAX_PULL_STREAMS, NOTIFY_PROTOCOL, PULL_PROTOCOL } from './constants.js'
import { CounterBook } from './counters.js'
import { Redialer } from './dialer.js'
import { PeerInputError } from './errors.js'
import { createSyncLibp2p } from './libp2p.js'
import { handleNotify, Notifier } from './notifier.js'
import { Puller } from './puller.js'
import { Receiver } from './receive.js'
import { servePull } from './server.js'
import { inlineVerifier, type Verifier } from './verify.js'
import { VerifyPool } from './verify-pool.js'

export interface SyncConfig {
  listen: readonly string[]
  networkKey?: Uint8Array
  maxConnections: number
  pullIntervalMs: number
  acceptUnknownCreators: boolean
  /** Worker threads that check signatures while the main thread writes; 0 = check inline. */
  verifyThreads?: number
  /** The TLP this node gives its own unmarked objects (config `indicators.default_tlp`). */
  defaultTlp: Tlp
}

export interface SyncOptions {
  store: Store
  /** The node's Ed25519 seed: its signing key and its libp2p identity (invariant 2). */
  seed: Uint8Array
  /** base64url public key of `seed`. */
  publicKey: string
  config: SyncConfig
  matcher?: WarninglistMatcher
  verifier?: Verifier
  logger?: Logger
  now?: () => number
}

export interface AddPeerInput {
  peerId: string
  multiaddrs: readonly string[]
  name?: string | null
  amber?: boolean
}

export interface PeerStatus extends PeerRecord {
  connected: boolean
  /** Highest seq of the peer's log considered here (the durable cursor). */
  cursor: number
  /** The peer's log head as it last told us; null before the first contact. */
  remoteHead: number | null
  /** remoteHead − cursor, or null when the head is unknown. */
  lag: number | null
  pulling: boolean
}

export interface SyncStatus {
  peerId: string
  addresses: string[]
  head: number
  peers: PeerStatus[]
}

export class SyncService {
  readonly peerId: string
  readonly #o: SyncOptions
  readonly #log: Logger
  readonly #now: () => number
  readonly #allow = new Allowlist()
  readonly #counters = new CounterBook()
  #verifier: Verifier
  #libp2p: Libp2p | undefined
  #puller: Puller | undefined
  #notifier: Notifier | undefined
  #redialer: Redialer | undefined
  #timers: NodeJS.Timeout[] = []

  constructor(o: SyncOptions) {
    this.#o = o
    this.#log = o.logger ?? createLogger('sync')
    this.#now = o.now ?? Date.now
    this.#verifier = o.verifier ?? inlineVerifier
    this.peerId = peerIdFromPublicKey(Buffer.from(o.publicKey, 'base64url'))
    for (const p of o.store.peers.list()) this.#allow.set(toTrusted(p))
  }

  get running(): boolean {
    return this.#libp2p !== undefined
  }

  /** Listen addresses actually bound (with /p2p/<id>), e.g. after listening on port 0. */
  addresses(): string[] {
    return this.#libp2p?.getMultiaddrs().map((m) => m.toString()) ?? []
  }

  async start(): Promise<void> {
    if (this.#libp2p) return
    const { config, store } = this.#o
    const log = this.#log
    if (this.#o.verifier === undefined && (config.verifyThreads ?? 0) > 0) this.#verifier = new VerifyPool(config.verifyThreads!)
    const libp2p = await createSyncLibp2p({
      seed: this.#o.seed,
      listen: config.listen,
      allow: this.#allow,
      maxConnections: config.maxConnections,
      ...(config.networkKey && { networkKey: config.networkKey }),
      gaterEvents: { denied: (peer, stage) => log.debug('connection refused by the allowlist', { peer, stage }) },
    })
    const receiver = new Receiver({
      store,
      verifier: this.#verifier,
      allow: this.#allow,
      counters: this.#counters,
      selfKey: this.#o.publicKey,
      acceptUnknownCreators: config.acceptUnknownCreators,
      ...(this.#o.matcher && { matcher: this.#o.matcher }),
      log,
    })
    const notifier = new Notifier({ libp2p, store, allow: this.#allow, log })
    const puller = new Puller({
      libp2p,
      store,
      receiver,
      allow: this.#allow,
      counters: this.#counters,
      log,
      now: this.#now,
      onStored: () => notifier.check(),
    })
    const redialer = new Redialer({ libp2p, allow: this.#allow, log })
    const serverDeps = { store, allow: this.#allow, counters: this.#counters, selfKey: this.#o.publicKey, defaultTlp: config.defaultTlp, log }
    await libp2p.handle(PULL_PROTOCOL, (stream, conn) => servePull(stream, conn, serverDeps), {
      maxInboundStreams: MAX_PULL_STREAMS,
      maxOutboundStreams: MAX_PULL_STREAMS,
    })
    await libp2p.handle(NOTIFY_PROTOCOL, (stream, conn) => handleNotify(stream, conn, { allow: this.#allow, store, puller, log }), {
      maxInboundStreams: MAX_NOTIFY_STREAMS,
      maxOutboundStreams: MAX_NOTIFY_STREAMS,
    })
    libp2p.addEventListener('peer:connect', (e) => {
      const peer = e.detail.toString()
      redialer.connected(peer)
      puller.request(peer)
      notifier.deliverRewind(peer)
    })
    libp2p.addEventListener('peer:disconnect', (e) => redialer.disconnected(e.detail.toString()))
    await libp2p.start()
    this.#libp2p = libp2p
    this.#puller = puller
    this.#notifier = notifier
    this.#redialer = redialer
    notifier.start()
    for (const p of this.#allow.all()) {
      await this.#remember(p)
      redialer.ensure(p.peerId)
    }
    this.#timers = [
      setInterval(() => this.pullAll(), config.pullIntervalMs),
      setInterval(() => this.#flush(), COUNTER_FLUSH_MS),
    ]
    for (const t of this.#timers) t.unref()
    log.info('sync started', { peer_id: this.peerId, addresses: this.addresses(), peers: this.#allow.all().length })
  }

  async stop(): Promise<void> {
    const libp2p = this.#libp2p
    if (!libp2p) return
    for (const t of this.#timers) clearInterval(t)
    this.#timers = []
    this.#notifier?.stop()
    this.#redialer?.stop()
    await this.#puller?.stop()
    await libp2p.stop()
    this.#libp2p = undefined
    await this.#verifier.close()
    this.#verifier = this.#o.verifier ?? inlineVerifier
    this.#flush()
    this.#log.info('sync stopped')
  }

  /** Pulls from every connected trusted peer (the safety net; also for tests and the CLI). */
  pullAll(): void {
    const libp2p = this.#libp2p
    if (!libp2p) return
    const connected = new Set(libp2p.getConnections().map((c) => c.remotePeer.toString()))
    for (const p of this.#allow.all()) if (connected.has(p.peerId)) this.#puller?.request(p.peerId)
  }

  /** Resolves when no pull is running (tests, bench). */
  async idle(): Promise<void> {
    await this.#puller?.idle()
  }

  /** Adds or updates a trusted peer; applies at once (allowlist, dial). */
  addPeer(input: AddPeerInput): { status: 'added' | 'updated'; peer: PeerRecord } {
    if (input.peerId === this.peerId) throw new PeerInputError('that peer id is this node itself')
    const publicKey = publicKeyOfPeerId(input.peerId)
    if (input.multiaddrs.length === 0) throw new PeerInputError('give at least one multiaddr to reach the peer')
    const multiaddrs = input.multiaddrs.map((a) => peerMultiaddr(a, input.peerId))
    const before = this.#o.store.peers.get(input.peerId)
    const status = this.#o.store.peers.upsert({
      peerId: input.peerId,
      publicKey,
      multiaddrs,
      name: input.name ?? null,
      amber: input.amber ?? false,
      addedAt: this.#now(),
    })
    const peer = this.#o.store.peers.get(input.peerId)!
    const trusted = toTrusted(peer)
    this.#allow.set(trusted)
    void this.#remember(trusted).then(() => this.#redialer?.ensure(peer.peerId))
    this.#log.info(status === 'added' ? 'peer added' : 'peer updated', { peer: peer.peerId, name: peer.name, amber: peer.amber })
    if (before !== undefined && !before.amber && peer.amber) this.#offerAmber(peer.peerId)
    return { status, peer }
  }

  /**
   * A peer just allowed AMBER has passed our AMBER objects already: ask it to pull again
   * from just before the first of them (docs/protocol.md §9.5, `rewind`).
   */
  #offerAmber(peer: string): void {
    const notifier = this.#notifier
    if (notifier === undefined) {
      this.#log.warn('peer allowed AMBER while sync is stopped: it gets only AMBER objects created from now on', { peer })
      return
    }
    const first = this.#o.store.firstOwnAmberSeq(this.#o.publicKey)
    if (first === undefined) return
    this.#log.info('peer allowed AMBER: asking it to pull our AMBER objects it skipped', { peer, from: first - 1 })
    notifier.rewind(peer, first - 1)
  }

  /** Removes a peer: off the allowlist, its connections closed at once (invariant 6). */
  async removePeer(peerId: string): Promise<boolean> {
    const removed = this.#o.store.peers.remove(peerId)
    this.#allow.delete(peerId)
    this.#counters.forget(peerId)
    this.#redialer?.cancel(peerId)
    this.#puller?.forget(peerId)
    const libp2p = this.#libp2p
    if (libp2p) {
      const conns = libp2p.getConnections().filter((c) => c.remotePeer.toString() === peerId)
      for (const c of conns) c.abort(new PeerInputError('peer removed from the allowlist'))
      if (conns.length > 0) await libp2p.hangUp(peerIdFromString(peerId)).catch(() => {})
    }
    if (removed) this.#log.info('peer removed', { peer: peerId })
    return removed
  }

  peers(): PeerStatus[] {
    const connected = new Set(this.#libp2p?.getConnections().map((c) => c.remotePeer.toString()) ?? [])
    return this.#o.store.peers.list().map((p) => {
      const cursor = this.#o.store.getCursor(p.peerId)
      const remoteHead = this.#puller?.remoteHead(p.peerId) ?? null
      return {
        ...this.#counters.merged(p),
        connected: connected.has(p.peerId),
        cursor,
        remoteHead,
        lag: remoteHead === null ? null : Math.max(0, remoteHead - cursor),
        pulling: this.#puller?.isPulling(p.peerId) ?? false,
      }
    })
  }

  status(): SyncStatus {
    return { peerId: this.peerId, addresses: this.addresses(), head: this.#o.store.lastSeq(), peers: this.peers() }
  }

  /** Puts the peer's addresses in libp2p's peer store, so a pull can dial it by id. */
  async #remember(p: TrustedPeer): Promise<void> {
    try {
      await this.#libp2p?.peerStore.merge(peerIdFromString(p.peerId), { multiaddrs: p.multiaddrs.map((a) => multiaddr(a)) })
    } catch (err) {
      this.#log.warn('could not record peer addresses', { peer: p.peerId, err })
    }
  }

  #flush(): void {
    if (!this.#o.store.isOpen) return
    try {
      this.#counters.flush(this.#o.store.peers)
    } catch (err) {
      this.#log.warn('could not write peer counters', { err })
    }
  }
}

function toTrusted(p: PeerRecord): TrustedPeer {
  return { peerId: p.peerId, publicKey: p.publicKey, multiaddrs: p.multiaddrs, amber: p.amber, name: p.name }
}

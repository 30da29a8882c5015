import { TokenTable } from './tokens.js'
import { PeerTable } from './peers.js'
import type { Database, Transaction } from 'better-sqlite3'
import type { Logger } from '../log.js'
import { StoreInputError } from './errors.js'
import { StoreReader } from './reader.js'
import { applyEquivocationProof, applyPut } from './rules.js'
import type { EquivocationResult, PreparedVersion, PutResult } from './types.js'
import type { KeyTier } from './key-tiers.js'
import { WriteOps } from './write-ops.js'

export interface BatchOptions {
  /** Advanced in the same transaction as the batch (DESIGN.md invariant 5). */
  readonly cursor?: { readonly peer: string; readonly seq: number }
}

/** Rows added after a failed key-tier move before it is tried again. */
const MOVE_RETRY_ROWS = 5_000

function checkCursor(peer: string, seq: number): void {
  if (peer.length === 0) throw new StoreInputError('cursor: peer id is empty')
  if (!Number.isSafeInteger(seq) || seq < 0) throw new StoreInputError(`cursor for ${peer}: seq must be a non-negative integer, got ${seq}`)
}

/**
 * The writable store. Every write is one IMMEDIATE transaction (the write lock is taken at
 * BEGIN, so a concurrent reader never turns it into SQLITE_BUSY half-way through).
 */
export class Store extends StoreReader {
  readonly #ops: WriteOps
  readonly #log: Logger | undefined
  readonly #put: Transaction<(v: PreparedVersion) => PutResult>
  readonly #batch: Transaction<(vs: readonly PreparedVersion[], o: BatchOptions) => PutResult[]>
  readonly #proof: Transaction<(a: PreparedVersion, b: PreparedVersion, origin: string) => EquivocationResult>
  readonly #cursor: Transaction<(peer: string, seq: number) => void>
  readonly #move: Transaction<(tier: KeyTier) => void>

  /** API tokens (serve/http/auth owns the crypto). */
  readonly tokens: TokenTable
  /** Trusted sync peers (the sync layer owns the policy). */
  readonly peers: PeerTable

  constructor(db: Database, path: string, opts: { now: () => number; logger?: Logger }) {
    super(db, path)
    this.tokens = new TokenTable(db)
    this.peers = new PeerTable(db)
    const ops = new WriteOps(this.sql, opts.now)
    this.#ops = ops
    this.#log = opts.logger
    this.#put = db.transaction((v) => {
      ops.begin()
      return applyPut(ops, v)
    })
    this.#batch = db.transaction((vs, o) => {
      ops.begin()
      const results = vs.map((v) => applyPut(ops, v))
      if (o.cursor) ops.setCursor(o.cursor.peer, o.cursor.seq)
      return results
    })
    this.#proof = db.transaction((a, b, origin) => {
      ops.begin()
      return applyEquivocationProof(ops, a, b, origin)
    })
    this.#move = db.transaction((tier) => ops.keys.move(tier))
    this.#cursor = db.transaction((peer, seq) => ops.setCursor(peer, seq))
  }

  put(v: PreparedVersion): PutResult {
    const r = this.#put.immediate(v)
    this.#report(v, r)
    this.#settle()
    return r
  }

  /**
   * Stores a batch and (optionally) the cursor past it in ONE transaction: after a crash
   * either both are there or neither is, so a pull resumes exactly where it stopped.
   * Rejections are per object; a thrown error rolls back the whole batch and the cursor.
   */
  putBatch(versions: readonly PreparedVersion[], opts: BatchOptions = {}): PutResult[] {
    if (opts.cursor) checkCursor(opts.cursor.peer, opts.cursor.seq)
    const results = this.#batch.immediate(versions, opts)
    results.forEach((r, i) => this.#report(versions[i] as PreparedVersion, r))
    this.#settle()
    return results
  }

  /** Records a proof of equivocation made of two bodies the caller has verified. */
  recordEquivocation(a: PreparedVersion, b: PreparedVersion, origin: string = b.origin): EquivocationResult {
    const r = this.#proof.immediate(a, b, origin)
    if (r.status === 'recorded') this.#log?.warn('equivocation proof recorded', { id: a.id, modified: a.modified, origin })
    this.#settle()
    return r
  }

  setCursor(peer: string, seq: number): void {
    checkCursor(peer, seq)
    this.#cursor.immediate(peer, seq)
  }

  setMeta(key: string, value: string): void {
    this.#ops.setMeta(key, value)
  }

  /**
   * Moves full key tiers (key-tiers.ts), each in its own transaction after the write that
   * filled it: the write is already durable, and a move that fails (a full disk) is
   * logged and tried again later instead of undoing the write.
   */
  #settle(): void {
    let due: KeyTier[]
    try {
      due = this.#ops.keys.due()
    } catch (err) {
      // The write has committed: a failed count must not make it look failed.
      this.#log?.warn('key tier check failed; tried again at the next write', { err })
      return
    }
    for (const tier of due) {
      const started = performance.now()
      try {
        this.#move.immediate(tier)
        this.#log?.debug('key tier moved', { tier: tier.name, ms: Math.round(performance.now() - started) })
      } catch (err) {
        this.#ops.keys.postpone(tier, MOVE_RETRY_ROWS)
        this.#log?.warn('key tier move failed; lookups stay correct, writes slow down until it succeeds', { tier: tier.name, err })
      }
    }
  }

  #report(v: PreparedVersion, r: PutResult): void {
    if (r.status === 'rejected' && (r.reason === 'equivocation' || r.reason === 'quarantined')) {
      this.#log?.warn('equivocation', { id: v.id, modified: v.modified, origin: v.origin, reason: r.reason })
    }
  }
}

import type { Database } from 'better-sqlite3'

/** One trusted peer (migration 003). Times are epoch milliseconds. */
export interface PeerRecord {
  peerId: string
  /** The peer's Ed25519 public key, base64url: the key its own objects are signed with. */
  publicKey: string
  multiaddrs: string[]
  name: string | null
  /** May receive TLP:AMBER and AMBER+STRICT objects this node created. */
  amber: boolean
  addedAt: number
  received: number
  sent: number
  /** Objects from this peer refused, by reason (docs/protocol.md §9.6). */
  rejected: Record<string, number>
  lastSync: number | null
  lastError: string | null
  lastErrorAt: number | null
}

export type NewPeer = Pick<PeerRecord, 'peerId' | 'publicKey' | 'multiaddrs' | 'name' | 'amber' | 'addedAt'>

export interface PeerCounters {
  received: number
  sent: number
  rejected: Record<string, number>
  lastSync?: number
  lastError?: { message: string; at: number }
}

interface PeerRow {
  peer_id: string
  public_key: string
  multiaddrs: string
  name: string | null
  amber: number
  added_at: number
  received: number
  sent: number
  rejected: string
  last_sync: number | null
  last_error: string | null
  last_error_at: number | null
}

const toRecord = (r: PeerRow): PeerRecord => ({
  peerId: r.peer_id,
  publicKey: r.public_key,
  multiaddrs: JSON.parse(r.multiaddrs) as string[],
  name: r.name,
  amber: r.amber === 1,
  addedAt: r.added_at,
  received: r.received,
  sent: r.sent,
  rejected: JSON.parse(r.rejected) as Record<string, number>,
  lastSync: r.last_sync,
  lastError: r.last_error,
  lastErrorAt: r.last_error_at,
})

/** The SQL for the peer allowlist; the sync layer owns the policy and the connections. */
export class PeerTable {
  constructor(private readonly db: Database) {}

  list(): PeerRecord[] {
    return this.db.prepare<[], PeerRow>('SELECT * FROM peer ORDER BY added_at, peer_id').all().map(toRecord)
  }

  get(peerId: string): PeerRecord | undefined {
    const r = this.db.prepare<[string], PeerRow>('SELECT * FROM peer WHERE peer_id = ?').get(peerId)
    return r && toRecord(r)
  }

  /** Adds a peer, or updates address, name and AMBER right of a known one (counters stay). */
  upsert(p: NewPeer): 'added' | 'updated' {
    const existed = this.get(p.peerId) !== undefined
    this.db
      .prepare(
        `INSERT INTO peer (peer_id, public_key, multiaddrs, name, amber, added_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (peer_id) DO UPDATE SET multiaddrs = excluded.multiaddrs, name = excluded.name, amber = excluded.amber`,
      )
      .run(p.peerId, p.publicKey, JSON.stringify(p.multiaddrs), p.name, p.amber ? 1 : 0, p.addedAt)
    return existed ? 'updated' : 'added'
  }

  remove(peerId: string): boolean {
    return this.db.prepare('DELETE FROM peer WHERE peer_id = ?').run(peerId).changes === 1
  }

  /** Adds in-memory counter deltas in one transaction (one fsync for every peer). */
  addCounters(deltas: ReadonlyMap<string, PeerCounters>): void {
    if (deltas.size === 0) return
    const read = this.db.prepare<[string], { rejected: string }>('SELECT rejected FROM peer WHERE peer_id = ?')
    const update = this.db.prepare(
      `UPDATE peer SET received = received + ?, sent = sent + ?, rejected = ?,
         last_sync = coalesce(?, last_sync), last_error = coalesce(?, last_error), last_error_at = coalesce(?, last_error_at)
       WHERE peer_id = ?`,
    )
    this.db.transaction(() => {
      for (const [peerId, d] of deltas) {
        const row = read.get(peerId)
        if (!row) continue
        const rejected = JSON.parse(row.rejected) as Record<string, number>
        for (const [reason, n] of Object.entries(d.rejected)) rejected[reason] = (rejected[reason] ?? 0) + n
        update.run(
          d.received,
          d.sent,
          JSON.stringify(rejected),
          d.lastSync ?? null,
          d.lastError?.message ?? null,
          d.lastError?.at ?? null,
          peerId,
        )
      }
    }).immediate()
  }
}

/**
 * The server side of a pull (docs/protocol.md §9.4): read one `pull`, walk the log after
 * the requester's cursor, send what `mayServe` allows in batches, end with `end`. TLP is
 * decided here, before anything is sent (DESIGN.md invariant 4).
 */
import type { Connection, Stream } from '@libp2p/interface'
import type { Tlp } from '@certmesh/protocol'
import type { Logger } from '../log.js'
import type { StoreReader } from '../store/index.js'
import type { Allowlist } from './allowlist.js'
import {
  FRAME_TIMEOUT_MS,
  MAX_BATCH_OBJECTS,
  MAX_CONTROL_FRAME_BYTES,
  MAX_FRAME_BYTES,
  MAX_OBJECT_BYTES,
  SERVER_SCAN_ROWS,
  TARGET_BATCH_BYTES,
} from './constants.js'
import type { CounterBook } from './counters.js'
import { WireError } from './errors.js'
import { mayServe, type ServeContext } from './policy.js'
import { FrameStream } from './wire/frames.js'

export interface ServerDeps {
  store: StoreReader
  allow: Allowlist
  counters: CounterBook
  selfKey: string
  defaultTlp: Tlp
  log: Logger
}

/** Answers one pull stream; never throws (a failing stream is reported to the peer and closed). */
export async function servePull(stream: Stream, connection: Connection, d: ServerDeps): Promise<void> {
  const peer = connection.remotePeer.toString()
  // Requests are tiny; objects only flow the other way.
  const frames = new FrameStream(stream, MAX_CONTROL_FRAME_BYTES, MAX_FRAME_BYTES)
  const trusted = d.allow.get(peer)
  if (trusted === undefined) {
    await frames.fail(new WireError('not-allowed', 'this peer is not on the allowlist'))
    return
  }
  try {
    const req = await frames.read(['pull'], FRAME_TIMEOUT_MS)
    const ctx: ServeContext = { selfKey: d.selfKey, defaultTlp: d.defaultTlp, peerAmber: trusted.amber, peerId: peer }
    const head = d.store.lastSeq()
    let through = req.after
    let sent = 0
    let batch: string[] = []
    let bytes = 0
    let scannedSinceFlush = 0
    const flush = async (): Promise<void> => {
      await frames.write({ type: 'batch', through, objects: batch }, FRAME_TIMEOUT_MS)
      sent += batch.length
      d.counters.sent(peer, batch.length)
      batch = []
      bytes = 0
      scannedSinceFlush = 0
    }
    scan: while (through < head && sent + batch.length < req.limit) {
      // A window of the log: every entry in it is considered, the peer's own echoes
      // filtered out in SQL, so `through` moves to its end unless the limit stops it.
      const upTo = Math.min(head, through + SERVER_SCAN_ROWS)
      const start = through
      for (const v of d.store.logWindow(through, upTo, peer)) {
        through = v.seq
        if (!mayServe(v, ctx).send) continue
        if (v.json.length * 3 > MAX_OBJECT_BYTES && Buffer.byteLength(v.json, 'utf8') > MAX_OBJECT_BYTES) {
          d.log.warn('object too large to sync, skipped', { id: v.id, modified: v.modified, limit: MAX_OBJECT_BYTES })
          continue
        }
        batch.push(v.json)
        bytes += v.json.length
        if (batch.length >= MAX_BATCH_OBJECTS || bytes >= TARGET_BATCH_BYTES || sent + batch.length >= req.limit) await flush()
        if (sent >= req.limit) break scan
      }
      through = upTo
      scannedSinceFlush += upTo - start
      // Long stretches the requester may not see still move its cursor.
      if (batch.length > 0 || scannedSinceFlush >= 10 * SERVER_SCAN_ROWS) await flush()
    }
    if (batch.length > 0) await flush()
    await frames.write({ type: 'end', through, head, more: through < head }, FRAME_TIMEOUT_MS)
    await frames.close()
  } catch (err) {
    d.log.warn('pull from peer failed', { peer, err })
    await frames.fail(err as Error)
  }
}

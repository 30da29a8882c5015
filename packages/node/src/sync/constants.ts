/**
 * Protocol ids and limits of the sync service, written down once (docs/protocol.md §9).
 * Changing a wire format means a new protocol id; the limits are part of the protocol
 * because a peer that exceeds them is cut off.
 */

/** Pull with a durable cursor (docs/protocol.md §9.4). */
export const PULL_PROTOCOL = '/certmesh/sync/1.0.0'
/** "My log grew" (docs/protocol.md §9.5). */
export const NOTIFY_PROTOCOL = '/certmesh/notify/1.0.0'

/** Largest frame payload on a pull stream (§9.2). */
export const MAX_FRAME_BYTES = 8 * 1024 * 1024
/** Largest request / notify frame (§9.2): they carry two integers. */
export const MAX_CONTROL_FRAME_BYTES = 4 * 1024
/** Largest single object text, in UTF-8 bytes (§9.3); a larger one is never sent. */
export const MAX_OBJECT_BYTES = 2 * 1024 * 1024
/** Most objects in one batch frame (§9.4). */
export const MAX_BATCH_OBJECTS = 500
/** A server closes a batch once it holds this many bytes of object text (§9.4). */
export const TARGET_BATCH_BYTES = 1024 * 1024
/** Most objects one pull may ask for; the client pulls again while `more` is true (§9.4). */
export const MAX_PULL_LIMIT = 100_000
export const DEFAULT_PULL_LIMIT = 20_000
/** Log rows a server reads per step while filtering. */
export const SERVER_SCAN_ROWS = 1000

/** Yamux per-stream receive window ceiling: what a peer may send ahead of our reads. */
export const MAX_STREAM_WINDOW = 4 * 1024 * 1024

/** Streams per connection (libp2p `maxInboundStreams`/`maxOutboundStreams`). */
export const MAX_PULL_STREAMS = 2
export const MAX_NOTIFY_STREAMS = 4
/** Connections this node holds at most (libp2p connection manager). */
export const DEFAULT_MAX_CONNECTIONS = 64
/** Handshakes in progress at once from unknown addresses. */
export const MAX_INCOMING_PENDING = 10

/** A peer that sends nothing for this long during a pull is cut off. */
export const FRAME_TIMEOUT_MS = 30_000
/** Time to write one notify. */
export const NOTIFY_TIMEOUT_MS = 5_000

/** How often the local log is checked for growth (notify latency). */
export const LOG_POLL_MS = 25
/** Safety-net pull from every connected peer. */
export const DEFAULT_PULL_INTERVAL_MS = 30_000
/** Redial backoff: first wait, ceiling, random spread. */
export const BACKOFF_MIN_MS = 500
export const BACKOFF_MAX_MS = 60_000
/** Peer counters are written to the store this often. */
export const COUNTER_FLUSH_MS = 2_000

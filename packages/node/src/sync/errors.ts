/** Error kinds of the sync layer; each has a stable `name` and, for the wire, a `code` (docs/protocol.md §9.2). */

export class SyncError extends Error {
  override readonly name: string = 'SyncError'
}

export type WireErrorCode =
  | 'frame-too-large'
  | 'malformed-frame'
  | 'unexpected-message'
  | 'bad-batch'
  | 'not-allowed'
  | 'internal'

/** A frame or message that breaks docs/protocol.md §9; the stream is closed. */
export class WireError extends SyncError {
  override readonly name = 'WireError'
  constructor(
    readonly code: WireErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** The remote side answered with an `error` message. */
export class RemoteError extends SyncError {
  override readonly name = 'RemoteError'
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`peer reported ${code}: ${message}`)
  }
}

/** A peer id, multiaddr or key file an operator gave is unusable. */
export class PeerInputError extends SyncError {
  override readonly name = 'PeerInputError'
}

export class NetworkKeyError extends SyncError {
  override readonly name = 'NetworkKeyError'
}

/**
 * Length-prefixed frames on a libp2p stream (docs/protocol.md §9.2): unsigned varint
 * length, then that many payload bytes, at most `maxFrameBytes`. A frame over the limit,
 * a bad length prefix or a stream that ends mid-frame is a WireError and the stream is
 * aborted, so a peer cannot make this node buffer more than one frame.
 */
import type { Stream } from '@libp2p/interface'
import { lpStream, type LengthPrefixedStream } from '@libp2p/utils'
import { MAX_STREAM_WINDOW } from '../constants.js'
import { WireError } from '../errors.js'
import { decodeMessage, encodeMessage, type MessageType, type WireMessage } from './messages.js'

// StreamBufferError: the peer sent more than one maximal frame ahead of our reads.
const LENGTH_ERRORS = new Set(['InvalidDataLengthError', 'InvalidDataLengthLengthError', 'InvalidMessageLengthError', 'StreamBufferError'])

export class FrameStream {
  readonly #lp: LengthPrefixedStream<Stream>

  /** `maxReadBytes` bounds what the peer may send; `maxWriteBytes` what this side sends. */
  constructor(
    readonly stream: Stream,
    readonly maxReadBytes: number,
    readonly maxWriteBytes: number = maxReadBytes,
  ) {
    // Flow control: the stream is paused between reads, so yamux stops granting window and
    // the peer stops sending; at most one window can arrive after a pause.
    stream.maxReadBufferLength = Math.max(stream.maxReadBufferLength, 2 * MAX_STREAM_WINDOW)
    this.#lp = lpStream(stream, { maxDataLength: maxReadBytes, maxBufferSize: maxReadBytes + 2 * MAX_STREAM_WINDOW })
    this.#pause()
  }

  #pause(): void {
    if (this.stream.readStatus === 'readable') this.stream.pause()
  }

  #resume(): void {
    if (this.stream.readStatus === 'paused') this.stream.resume()
  }

  /** The next message, which must be one of `expected`. */
  async read<T extends MessageType>(expected: readonly T[], timeoutMs: number): Promise<Extract<WireMessage, { type: T }>> {
    let bytes: Uint8Array
    try {
      this.#resume()
      bytes = (await this.#lp.read({ signal: AbortSignal.timeout(timeoutMs) })).subarray()
      this.#pause()
    } catch (err) {
      const name = (err as Error).name
      if (LENGTH_ERRORS.has(name)) throw new WireError('frame-too-large', `frame larger than ${this.maxReadBytes} bytes or bad length prefix: ${(err as Error).message}`)
      if (name === 'UnexpectedEOFError') throw new WireError('malformed-frame', `stream ended before a complete ${expected.join('/')} frame`)
      if (name === 'TimeoutError' || name === 'AbortError') throw new WireError('malformed-frame', `no ${expected.join('/')} frame within ${timeoutMs} ms`)
      throw err
    }
    return decodeMessage(bytes, expected)
  }

  async write(m: WireMessage, timeoutMs: number): Promise<void> {
    const bytes = encodeMessage(m)
    if (bytes.byteLength > this.maxWriteBytes) throw new WireError('frame-too-large', `refusing to send a ${m.type} frame of ${bytes.byteLength} bytes (limit ${this.maxWriteBytes})`)
    await this.#lp.write(bytes, { signal: AbortSignal.timeout(timeoutMs) })
  }

  /** Tells the peer why, as far as the stream still allows, then closes it. */
  async fail(err: WireError | Error): Promise<void> {
    const code = err instanceof WireError ? err.code : 'internal'
    try {
      await this.write({ type: 'error', code, message: err.message.slice(0, 500) }, 2_000)
      await this.stream.close({ signal: AbortSignal.timeout(2_000) })
    } catch {
      this.stream.abort(err)
    }
  }

  async close(): Promise<void> {
    try {
      await this.stream.close({ signal: AbortSignal.timeout(5_000) })
    } catch (err) {
      this.stream.abort(err as Error)
    }
  }
}

/**
 * The sync wire messages (docs/protocol.md §9.3–9.5): one UTF-8 JSON object per frame,
 * told apart by `type`. Decoding is strict about what it relies on (types, integer ranges,
 * list sizes) and ignores members it does not know, so a later minor version may add some.
 */
import { MAX_BATCH_OBJECTS, MAX_OBJECT_BYTES, MAX_PULL_LIMIT } from '../constants.js'
import { WireError } from '../errors.js'

export interface PullRequest {
  type: 'pull'
  /** The client's cursor: send log entries with seq > after. */
  after: number
  /** Most objects to send before `end`. */
  limit: number
}

export interface BatchMessage {
  type: 'batch'
  /** Every log entry with seq ≤ through has been considered; the client's new cursor. */
  through: number
  /** Exact stored JSON texts, in log order. */
  objects: string[]
}

export interface EndMessage {
  type: 'end'
  through: number
  /** The server's newest log seq when it answered. */
  head: number
  more: boolean
}

export interface ErrorMessage {
  type: 'error'
  code: string
  message: string
}

export interface NotifyMessage {
  type: 'notify'
  head: number
  /**
   * Entries after this seq that the receiver could not see before may be visible to it
   * now (e.g. it was just allowed AMBER): it moves its cursor back to here if it is past.
   */
  rewind?: number
}

export type WireMessage = PullRequest | BatchMessage | EndMessage | ErrorMessage | NotifyMessage
export type MessageType = WireMessage['type']

const utf8 = new TextDecoder('utf-8', { fatal: true })
const encoder = new TextEncoder()

export function encodeMessage(m: WireMessage): Uint8Array {
  return encoder.encode(JSON.stringify(m))
}

function fail(message: string): never {
  throw new WireError('malformed-frame', message)
}

function seqField(o: Record<string, unknown>, name: string, type: string): number {
  const v = o[name]
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(`${type}.${name} must be a non-negative integer, got ${JSON.stringify(v)?.slice(0, 40)}`)
  return v
}

function stringField(o: Record<string, unknown>, name: string, type: string, max: number): string {
  const v = o[name]
  if (typeof v !== 'string') fail(`${type}.${name} must be a string`)
  return v.length > max ? v.slice(0, max) : v
}

function objectsField(o: Record<string, unknown>): string[] {
  const v = o.objects
  if (!Array.isArray(v)) fail('batch.objects must be an array of strings')
  if (v.length > MAX_BATCH_OBJECTS) throw new WireError('bad-batch', `batch has ${v.length} objects, more than the limit of ${MAX_BATCH_OBJECTS}`)
  for (let i = 0; i < v.length; i++) {
    const s: unknown = v[i]
    if (typeof s !== 'string') fail(`batch.objects[${i}] must be a string`)
    // UTF-16 length ≤ UTF-8 length ≤ 3 × UTF-16 length: only compute the exact size near the limit.
    if (s.length * 3 > MAX_OBJECT_BYTES && Buffer.byteLength(s, 'utf8') > MAX_OBJECT_BYTES)
      throw new WireError('bad-batch', `batch.objects[${i}] is larger than the limit of ${MAX_OBJECT_BYTES} bytes`)
  }
  return v as string[]
}

/** Decodes one frame payload and checks that its type is one of `expected`. */
export function decodeMessage<T extends MessageType>(bytes: Uint8Array, expected: readonly T[]): Extract<WireMessage, { type: T }> {
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    fail('frame is not valid UTF-8')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (err) {
    fail(`frame is not JSON: ${(err as Error).message.slice(0, 120)}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('frame must be a JSON object')
  const o = value as Record<string, unknown>
  const type = o.type
  if (typeof type !== 'string') fail('frame has no string member "type"')
  if (!(expected as readonly string[]).includes(type))
    throw new WireError('unexpected-message', `expected ${expected.join(' or ')}, got ${JSON.stringify(type.slice(0, 40))}`)
  let m: WireMessage
  switch (type) {
    case 'pull': {
      const limit = seqField(o, 'limit', type)
      if (limit < 1 || limit > MAX_PULL_LIMIT) fail(`pull.limit must be from 1 to ${MAX_PULL_LIMIT}, got ${limit}`)
      m = { type, after: seqField(o, 'after', type), limit }
      break
    }
    case 'batch':
      m = { type, through: seqField(o, 'through', type), objects: objectsField(o) }
      break
    case 'end': {
      if (typeof o.more !== 'boolean') fail('end.more must be true or false')
      m = { type, through: seqField(o, 'through', type), head: seqField(o, 'head', type), more: o.more }
      break
    }
    case 'error':
      m = { type, code: stringField(o, 'code', type, 64), message: stringField(o, 'message', type, 500) }
      break
    case 'notify':
      m = { type, head: seqField(o, 'head', type), ...(o.rewind !== undefined && { rewind: seqField(o, 'rewind', type) }) }
      break
    default:
      throw new WireError('unexpected-message', `unknown message type ${JSON.stringify(type.slice(0, 40))}`)
  }
  return m as Extract<WireMessage, { type: T }>
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Store } from '../../../store/writer.js'
import type { PageCursor } from '../../../store/types.js'
import { NEXT_SECRET_META_KEY } from './constants.js'
import { badRequest } from './errors.js'

/**
 * TAXII 2.1 §3.4 `next`: an opaque token the client hands back for the following page.
 * It carries the (date_added, seq) position of the last row served and an HMAC-SHA-256
 * tag over that position and its binding — the token's key id, the resource and the
 * canonical filter — under a per-node secret kept in the store's meta table. A token is
 * therefore useless with another token, another collection or another query, and
 * survives a restart. `limit` is not bound: a client may change its page size.
 */
const TAG_BYTES = 16

export interface NextBinding {
  readonly keyId: string
  /** e.g. `objects:<collection id>` or `versions:<collection id>:<object id>`. */
  readonly resource: string
  readonly canonical: string
}

function bindingText(b: NextBinding, pos: string): string {
  return `${b.keyId}\n${b.resource}\n${b.canonical}\n${pos}`
}

export class NextTokens {
  constructor(private readonly secret: Buffer) {
    if (secret.length < 32) throw new RangeError('the next-token secret must have at least 256 bits')
  }

  /** The node's secret, created on first use and kept across restarts. */
  static forStore(store: Store): NextTokens {
    let hex = store.getMeta(NEXT_SECRET_META_KEY)
    if (hex === undefined || !/^[0-9a-f]{64}$/.test(hex)) {
      hex = randomBytes(32).toString('hex')
      store.setMeta(NEXT_SECRET_META_KEY, hex)
    }
    return new NextTokens(Buffer.from(hex, 'hex'))
  }

  #tag(b: NextBinding, pos: string): Buffer {
    return createHmac('sha256', this.secret).update(bindingText(b, pos), 'utf8').digest().subarray(0, TAG_BYTES)
  }

  issue(b: NextBinding, c: PageCursor): string {
    const pos = `${c.dateAdded.toString(36)}.${c.seq.toString(36)}`
    return `${Buffer.from(pos, 'utf8').toString('base64url')}.${this.#tag(b, pos).toString('base64url')}`
  }

  /** The position inside a token issued for exactly this binding; 400 otherwise. */
  open(b: NextBinding, token: string): PageCursor {
    const invalid = () =>
      badRequest('next: not a token this server issued for this query and API token; repeat the query with the same parameters, or start again without next')
    const dot = token.indexOf('.')
    if (dot < 0) throw invalid()
    const pos = Buffer.from(token.slice(0, dot), 'base64url').toString('utf8')
    const tag = Buffer.from(token.slice(dot + 1), 'base64url')
    const m = /^([0-9a-z]{1,12})\.(-?[0-9a-z]{1,12})$/.exec(pos)
    if (!m || tag.length !== TAG_BYTES || !timingSafeEqual(tag, this.#tag(b, pos))) throw invalid()
    return { dateAdded: parseInt(m[1]!, 36), seq: parseInt(m[2]!, 36) }
  }
}

import type { Ingestor } from '../../../ingest/ingestor.js'
import type { Logger } from '../../../log.js'
import type { Store } from '../../../store/writer.js'
import type { NextTokens } from './next-token.js'
import type { StatusStore } from './status-store.js'

/** What the TAXII server uses of the node: a storage interface that mirrors the API. */
export interface TaxiiDeps {
  readonly store: Store
  readonly ingestor: Pick<Ingestor, 'importStix' | 'revoke'>
  /** This node's key: only objects it signed may be DELETEd (revoked). */
  readonly selfPublicKey: string
  /** The organisation's name, shown in discovery. */
  readonly title: string
  /** §4.2 max_content_length, enforced on every POST body. */
  readonly maxContentLength: number
  readonly next: NextTokens
  readonly statuses: StatusStore
  /** Epoch ms. */
  readonly now: () => number
  readonly log: Logger
}

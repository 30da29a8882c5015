import type { TokenRecord } from '../../../store/tokens.js'
import type { CollectionDef } from './collections.js'

/** Per-request values the TAXII middleware sets (hono's typed context variables). */
export interface TaxiiEnv {
  Variables: {
    token: TokenRecord
    /** Set by `collectionAccess` for the routes under /collections/{id}/. */
    collection: CollectionDef
  }
}

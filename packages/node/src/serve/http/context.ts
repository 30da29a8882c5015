import type { TokenRecord } from '../../store/tokens.js'

/** Per-request values set by middleware (hono's typed context variables). */
export interface HttpEnv {
  Variables: {
    token: TokenRecord
  }
}

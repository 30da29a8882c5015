import type { Database } from 'better-sqlite3'
import { migration001Initial } from './001-initial.js'
import { migration002ApiTokens } from './002-api-tokens.js'
import { migration003Peers } from './003-peers.js'
import { migration004CompactIndexes } from './004-compact-indexes.js'
import { migration005KeyTiers } from './005-key-tiers.js'

export interface Migration {
  /** The `user_version` the database has after this migration. */
  readonly version: number
  readonly name: string
  readonly up: (db: Database) => void
}

/** In order, versions 1, 2, 3, … with no gaps; append only, never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migration001Initial },
  { version: 2, name: 'api-tokens', up: migration002ApiTokens },
  { version: 3, name: 'peers', up: migration003Peers },
  { version: 4, name: 'compact-indexes', up: migration004CompactIndexes },
  { version: 5, name: 'key-tiers', up: migration005KeyTiers },
]

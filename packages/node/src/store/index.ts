export { openStore, type OpenOptions } from './open.js'
export { StoreReader, type PeerCursor } from './reader.js'
export { Store, type BatchOptions } from './writer.js'
export {
  StoreError,
  StoreDurabilityError,
  StoreSchemaTooNewError,
  StoreSchemaOutdatedError,
  StoreMigrationError,
  StoreInputError,
} from './errors.js'
export { MAX_FUTURE_MS } from './rules.js'
export { MAX_PAGE_LIMIT } from './page.js'
export { compareStixTimestamps, parseStixTimestamp, type ParsedTimestamp } from './timestamp.js'
export { MIGRATIONS, runMigrations, schemaVersion, type Migration } from './migrations/index.js'
export type * from './types.js'
export { TokenTable, type TokenRecord, type TokenRights } from './tokens.js'

export { WarninglistError } from './errors.js'
export { DEFAULT_WARNINGLIST_LIMITS, type WarninglistLimits } from './limits.js'
export {
  defaultWarninglistDir,
  loadDefaultWarninglists,
  loadWarninglistDir,
  loadWarninglistFile,
  parseWarninglist,
  validateWarninglist,
  type WarninglistDirResult,
} from './load.js'
export { WarninglistMatcher } from './matcher.js'
export { translatePcre, type PcreResult } from './pcre.js'
export { listApplies, mispAttributesFor } from './attributes.js'
export {
  WARNINGLIST_TYPES,
  type Warninglist,
  type WarninglistCategory,
  type WarninglistHit,
  type WarninglistObservableType,
  type WarninglistType,
} from './types.js'

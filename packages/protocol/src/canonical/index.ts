export { canonicalize, canonicalBytes, canonicalSplit, joinSplit, MAX_CANONICAL_DEPTH, type CanonicalSplit } from './jcs.js'
export { CanonicalizationError, type CanonicalizationErrorCode } from './errors.js'

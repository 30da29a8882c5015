export { canonicalize, canonicalBytes, MAX_CANONICAL_DEPTH } from './jcs.js'
export { CanonicalizationError, type CanonicalizationErrorCode } from './errors.js'

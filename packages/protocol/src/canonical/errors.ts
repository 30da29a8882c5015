/** Why a value has no RFC 8785 canonical form. Stable codes, safe to switch on. */
export type CanonicalizationErrorCode =
  | 'non-finite-number'
  | 'unsupported-type'
  | 'lone-surrogate'
  | 'cycle'
  | 'too-deep'

/**
 * Raised when a value cannot be canonicalised. `path` is a JSONPath-like location
 * (`$`, `$.objects[2].name`, `$["odd key"]`) of the offending value, so a caller can
 * say exactly which part of an object could not be signed.
 */
export class CanonicalizationError extends Error {
  override readonly name = 'CanonicalizationError'
  readonly code: CanonicalizationErrorCode
  readonly path: string

  constructor(code: CanonicalizationErrorCode, path: string, detail: string) {
    super(`cannot canonicalize ${path}: ${detail}`)
    this.code = code
    this.path = path
  }
}

/**
 * The node's error kinds. Code throws these; `serve/http/errors.ts` is the one place that
 * turns them into HTTP responses, and the CLI turns the responses into messages.
 */
export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'not-acceptable'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'internal'

export class NodeError extends Error {
  override readonly name: string = 'NodeError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: unknown[] = [],
  ) {
    super(message)
  }
}

export class BadRequestError extends NodeError {
  override readonly name = 'BadRequestError'
  constructor(message: string, details: unknown[] = []) {
    super('bad-request', message, details)
  }
}

export class NotFoundError extends NodeError {
  override readonly name = 'NotFoundError'
  constructor(message: string) {
    super('not-found', message)
  }
}

export class UnauthorizedError extends NodeError {
  override readonly name = 'UnauthorizedError'
  constructor(message = 'a valid API token is required (Authorization: Bearer <token>)') {
    super('unauthorized', message)
  }
}

export class ForbiddenError extends NodeError {
  override readonly name = 'ForbiddenError'
  constructor(message: string) {
    super('forbidden', message)
  }
}

export class ConflictError extends NodeError {
  override readonly name = 'ConflictError'
  constructor(message: string) {
    super('conflict', message)
  }
}

export class PayloadTooLargeError extends NodeError {
  override readonly name = 'PayloadTooLargeError'
  constructor(limit: number) {
    super('payload-too-large', `the request body is larger than the limit of ${limit} bytes`)
  }
}

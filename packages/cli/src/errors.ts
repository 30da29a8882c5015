/**
 * A mistake the person at the terminal can fix. Its message says what went wrong and
 * what to do; the CLI prints it without a stack trace (see `run.ts`, the one place
 * where errors become exit codes).
 */
export class UserError extends Error {
  override readonly name = 'UserError'
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
  }
}

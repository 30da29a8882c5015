/** Raised by signObject when the input cannot carry a certmesh signature. */
export class SigningError extends Error {
  override readonly name = 'SigningError'
}

/**
 * A warninglist file (or an in-memory list) that cannot be used. `property` is a path
 * into the JSON (`list[17]`, `matching_attributes[2]`), absent when the fault concerns
 * the whole file (unreadable, too large, not JSON).
 */
export class WarninglistError extends Error {
  override readonly name = 'WarninglistError'
  constructor(
    /** The file as given to the loader (or the list's `file`, or `<memory>`). */
    readonly file: string,
    readonly property: string | undefined,
    readonly problem: string,
  ) {
    super(property === undefined ? `${file}: ${problem}` : `${file}: ${property}: ${problem}`)
  }
}

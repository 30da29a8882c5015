/** A TLP level given by a person (CLI flag, config file) is not one certmesh knows. */
export class TlpParseError extends Error {
  override readonly name = 'TlpParseError'
  /** The text that was given, unchanged. */
  readonly input: string
  /** Where it came from, e.g. `--tlp` or `config: sharing.defaultTlp`; empty when unknown. */
  readonly where: string

  constructor(input: string, where: string, validValues: readonly string[]) {
    const place = where === '' ? '' : ` in ${where}`
    super(
      `invalid TLP level ${JSON.stringify(input)}${place}: expected one of ${validValues.join(', ')} ` +
        `(case-insensitive, optionally prefixed with "tlp:"; "white" is read as clear)`,
    )
    this.input = input
    this.where = where
  }
}

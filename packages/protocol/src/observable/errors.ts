/**
 * Why a value is not a usable observable. `code` is stable and meant for programs
 * (HTTP and CLI map it once); the message is for people and names the type, the
 * property and what is wrong with the value.
 */
export type ObservableErrorCode =
  | 'unsupported-type'
  | 'unsupported-property'
  | 'empty'
  | 'too-long'
  | 'bad-characters'
  | 'invalid-value'

export interface ObservableErrorInit {
  code: ObservableErrorCode
  type: string
  property: string
  /** What is wrong, without the value: "octet 4 (256) is greater than 255". */
  problem: string
  /** The offending value, shown (shortened and escaped) in the message. */
  value?: string
  /** A complete message replacing the default one (used by the CLI type resolver). */
  message?: string
}

const SHOWN_VALUE_MAX = 80

/** Quotes a value for an error message: control characters escaped, long values cut. */
export function showValue(value: string): string {
  const cut = value.length > SHOWN_VALUE_MAX ? `${value.slice(0, SHOWN_VALUE_MAX)}…` : value
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f\\']/g, (c) =>
    c === '\\' || c === "'" ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
  return `'${escaped}'`
}

export class ObservableError extends Error {
  override readonly name = 'ObservableError'
  readonly code: ObservableErrorCode
  readonly type: string
  readonly property: string
  readonly problem: string

  constructor(init: ObservableErrorInit) {
    super(
      init.message ??
        `${init.type}:${init.property}${init.value === undefined ? '' : ` ${showValue(init.value)}`}: ${init.problem}`,
    )
    this.code = init.code
    this.type = init.type
    this.property = init.property
    this.problem = init.problem
  }
}

/** A function that throws an `invalid-value` error for one (type, property, value). */
export type Fail = (problem: string, code?: ObservableErrorCode) => never

export function failFor(type: string, property: string, value: string): Fail {
  return (problem, code = 'invalid-value') => {
    throw new ObservableError({ code, type, property, problem, value })
  }
}

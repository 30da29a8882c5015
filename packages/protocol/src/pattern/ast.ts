/**
 * AST of a STIX 2.1 pattern (STIX 2.1 section 9, grammar STIXPattern.g4).
 *
 * Every node carries `offset`: the 0-based UTF-16 index of its first character in
 * the source. Structural equality (see `equal.ts`) ignores offsets.
 *
 * Shape decisions, so that one meaning has one tree:
 * - AND / OR are n-ary and flattened: `a AND (b AND c)` and `a AND b AND c` give the
 *   same node, because both are associative (section 9.4 / 9.6).
 * - FOLLOWEDBY is binary and left-associative, as in the grammar; it is not flattened.
 * - A qualifier node holds exactly one qualifier; `[a] WITHIN 5 SECONDS REPEATS 2 TIMES`
 *   nests `repeats(within([a]))`, which is also what `([a] WITHIN 5 SECONDS) REPEATS
 *   2 TIMES` means.
 * - Redundant parentheses leave no trace.
 */

/** Observation-level expression: the root of a pattern. */
export type Pattern = ObservationExpression

export type ObservationExpression =
  | Observation
  | ObservationAnd
  | ObservationOr
  | FollowedBy
  | Qualified

/** `[ comparison ]`: one observation (section 9.2). */
export interface Observation {
  readonly kind: 'observation'
  readonly comparison: ComparisonExpression
  readonly offset: number
}

export interface ObservationAnd {
  readonly kind: 'observation-and'
  /** At least two operands, none of which is itself an `observation-and`. */
  readonly operands: readonly ObservationExpression[]
  readonly offset: number
}

export interface ObservationOr {
  readonly kind: 'observation-or'
  /** At least two operands, none of which is itself an `observation-or`. */
  readonly operands: readonly ObservationExpression[]
  readonly offset: number
}

export interface FollowedBy {
  readonly kind: 'followedby'
  readonly left: ObservationExpression
  readonly right: ObservationExpression
  readonly offset: number
}

export interface Qualified {
  readonly kind: 'qualified'
  readonly operand: ObservationExpression
  readonly qualifier: Qualifier
  readonly offset: number
}

export type Qualifier = WithinQualifier | RepeatsQualifier | StartStopQualifier

/** `WITHIN n SECONDS`; `seconds` is the canonical decimal text (int or float), > 0. */
export interface WithinQualifier {
  readonly kind: 'within'
  readonly seconds: string
  readonly offset: number
}

/** `REPEATS n TIMES`, n a positive safe integer. */
export interface RepeatsQualifier {
  readonly kind: 'repeats'
  readonly times: number
  readonly offset: number
}

/** `START t'…' STOP t'…'`, start strictly before stop. Values as in `TimestampConstant`. */
export interface StartStopQualifier {
  readonly kind: 'startstop'
  readonly start: string
  readonly stop: string
  readonly offset: number
}

export type ComparisonExpression = ComparisonAnd | ComparisonOr | Comparison | Exists

export interface ComparisonAnd {
  readonly kind: 'comparison-and'
  /** At least two operands, none of which is itself a `comparison-and`. */
  readonly operands: readonly ComparisonExpression[]
  readonly offset: number
}

export interface ComparisonOr {
  readonly kind: 'comparison-or'
  /** At least two operands, none of which is itself a `comparison-or`. */
  readonly operands: readonly ComparisonExpression[]
  readonly offset: number
}

export type EqualityOperator = '=' | '!='
export type OrderOperator = '>' | '<' | '>=' | '<='
export type StringOperator = 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET'
export type ComparisonOperator = EqualityOperator | OrderOperator | 'IN' | StringOperator

/**
 * `path [NOT] op value`. The grammar ties operand types to operators:
 * `=`/`!=` take any primitive constant, order operators any but a boolean, `IN` a set,
 * and the four string operators a string.
 */
export interface Comparison {
  readonly kind: 'comparison'
  readonly path: ObjectPath
  readonly negated: boolean
  readonly operator: ComparisonOperator
  readonly value: Constant
  readonly offset: number
}

/** `[NOT] EXISTS path`. */
export interface Exists {
  readonly kind: 'exists'
  readonly negated: boolean
  readonly path: ObjectPath
  readonly offset: number
}

/**
 * `type:step…` (section 9.3). A key step whose name ends in `_ref` or `_refs` followed
 * by further steps dereferences the referenced object (`email-message:from_ref.value`).
 */
export interface ObjectPath {
  readonly objectType: string
  /** Non-empty; the first step is always a key. */
  readonly steps: readonly PathStep[]
  readonly offset: number
}

export type PathStep = KeyStep | IndexStep | AnyIndexStep

/** `.name` or `.'quoted name'`; the AST keeps only the name (quoting is a print choice). */
export interface KeyStep {
  readonly kind: 'key'
  readonly name: string
  readonly offset: number
}

export interface IndexStep {
  readonly kind: 'index'
  readonly index: number
  readonly offset: number
}

/** `[*]`: any element of a list. */
export interface AnyIndexStep {
  readonly kind: 'any'
  readonly offset: number
}

export type PrimitiveConstant =
  | StringConstant
  | IntConstant
  | FloatConstant
  | BooleanConstant
  | TimestampConstant
  | HexConstant
  | BinaryConstant

export type Constant = PrimitiveConstant | SetConstant

/** Decoded string value (escapes `\'` and `\\` resolved). */
export interface StringConstant {
  readonly kind: 'string'
  readonly value: string
  readonly offset: number
}

/** Canonical decimal text: no `+`, no leading zeros, `-0` becomes `0`. Arbitrary size. */
export interface IntConstant {
  readonly kind: 'int'
  readonly value: string
  readonly offset: number
}

/** Canonical decimal text `[-]digits.digits`: no `+`, one leading `0` at most, no trailing zeros beyond one fraction digit. */
export interface FloatConstant {
  readonly kind: 'float'
  readonly value: string
  readonly offset: number
}

export interface BooleanConstant {
  readonly kind: 'bool'
  readonly value: boolean
  readonly offset: number
}

/** The text between the quotes of `t'…'`, fraction trailing zeros removed (`.500Z` → `.5Z`, `.000Z` → `Z`). */
export interface TimestampConstant {
  readonly kind: 'timestamp'
  readonly value: string
  readonly offset: number
}

/** Lower-case hex digits of `h'…'` (even count, possibly empty). */
export interface HexConstant {
  readonly kind: 'hex'
  readonly value: string
  readonly offset: number
}

/** Base64 text of `b'…'`, as written (validated). */
export interface BinaryConstant {
  readonly kind: 'binary'
  readonly value: string
  readonly offset: number
}

/** `( a, b, … )`, possibly empty. */
export interface SetConstant {
  readonly kind: 'set'
  readonly values: readonly PrimitiveConstant[]
  readonly offset: number
}

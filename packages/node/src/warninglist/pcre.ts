/**
 * Translate a MISP `regex` warninglist entry, a PHP/PCRE pattern with delimiters
 * (`/^(security|noc)\@.*$/i`), into a JavaScript RegExp. MISP evaluates these with
 * PHP's preg_match, so a feature JavaScript would read differently (or silently as
 * a literal) is refused with a precise problem rather than mis-matched.
 *
 * Refused: `\A \Z \z \G \K \Q…\E \h \H \v \V \R \X \C \N \e \a \o \g \x{…} \l \L \u \U`,
 * `\p` without the `u` modifier, atomic groups `(?>`, branch reset `(?|`, conditionals
 * `(?(`, recursion and subroutines `(?R) (?1) (?&n) (?P>n)`, inline options `(?i)`,
 * verbs `(*…)`, callouts `(?C`, POSIX classes `[[:alpha:]]`, possessive quantifiers,
 * `{,n}`, modifiers other than i m s u (translated), g D S X (no effect on a yes/no
 * match) and A (anchors at the start). Translated: `(?P<n>` and `(?'n'` to `(?<n>`,
 * `(?P=n)` to `\k<n>`, `(?#…)` removed, a leading `]` in a class to `\]`, escaped
 * punctuation that is not JS syntax (`\@`) to the bare character.
 *
 * Offsets in problems count characters of the entry, the opening delimiter being 0.
 *
 * Guard against catastrophic backtracking: a length limit, and refusing a group that
 * contains a quantifier and is itself repeated without bound (`(a+)+`, `(\w*)*`).
 */

export type PcreResult = { ok: true; regex: RegExp } | { ok: false; problem: string }

const CLOSING: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<': '>' }
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/-')
const SIMPLE_ESCAPES = new Set('dDwWsSbBnrtf0123456789')
const REFUSED_ESCAPES: Readonly<Record<string, string>> = {
  A: 'the subject-start anchor \\A',
  Z: 'the subject-end anchor \\Z',
  z: 'the subject-end anchor \\z',
  G: 'the match-start anchor \\G',
  K: 'the match-reset \\K',
  Q: 'quoting \\Q…\\E',
  E: 'quoting \\Q…\\E',
  h: 'the horizontal-space class \\h',
  H: 'the class \\H',
  v: 'the vertical-space class \\v (JavaScript reads it as a single VT character)',
  V: 'the class \\V',
  R: 'the newline sequence \\R',
  X: 'the grapheme cluster \\X',
  C: 'the single code unit \\C',
  N: 'the escape \\N',
  e: 'the escape character \\e',
  a: 'the bell character \\a',
  o: 'the octal escape \\o{…}',
  g: 'the back-reference or subroutine \\g',
  l: 'the case escape \\l',
  L: 'the case escape \\L',
  u: 'the escape \\u',
  U: 'the case escape \\U',
}
const GROUP_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,31}$/

/** Thrown inside the scanner and turned into `{ ok: false }` at the edge. */
class Refusal {
  constructor(readonly problem: string) {}
}

export function translatePcre(entry: string, maxLength: number): PcreResult {
  try {
    return { ok: true, regex: translate(entry, maxLength) }
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, problem: e.problem }
    throw e
  }
}

function translate(entry: string, maxLength: number): RegExp {
  const open = entry.charAt(0)
  if (open === '' || /[A-Za-z0-9\\\s]/.test(open)) {
    throw new Refusal(`a PCRE pattern must start with a delimiter such as '/', got ${JSON.stringify(open)}`)
  }
  const close = CLOSING[open] ?? open
  const end = findClosingDelimiter(entry, open, close)
  const body = entry.slice(1, end)
  if (body.length > maxLength) {
    throw new Refusal(`pattern is ${body.length} characters, over the limit of ${maxLength}`)
  }
  let flags = ''
  let anchored = false
  for (const m of entry.slice(end + 1)) {
    if ('imsu'.includes(m)) flags += flags.includes(m) ? '' : m
    else if (m === 'A') anchored = true
    else if (!'gDSX'.includes(m)) throw new Refusal(`modifier ${JSON.stringify(m)} is not supported`)
  }
  const source = new Scanner(body, flags.includes('u'), 1).run()
  try {
    return new RegExp(anchored ? `^(?:${source})` : source, flags)
  } catch (e) {
    throw new Refusal(`JavaScript rejects the pattern: ${(e as Error).message}`)
  }
}

function findClosingDelimiter(entry: string, open: string, close: string): number {
  let depth = 0
  for (let i = 1; i < entry.length; i++) {
    const ch = entry.charAt(i)
    if (ch === '\\') i++
    else if (ch === close && depth === 0) return i
    else if (ch === close) depth--
    else if (ch === open && open !== close) depth++
  }
  throw new Refusal(`no closing delimiter ${JSON.stringify(close)}`)
}

interface Frame {
  hasQuantifier: boolean
}

class Scanner {
  private out = ''
  private i = 0
  private readonly frames: Frame[] = [{ hasQuantifier: false }]
  /** What a quantifier here would repeat: nothing, a simple atom, or the group just closed. */
  private last: 'none' | 'atom' | Frame = 'none'

  constructor(
    private readonly src: string,
    private readonly unicode: boolean,
    /** Where the pattern starts in the entry, so offsets in problems count from the delimiter. */
    private readonly base: number,
  ) {}

  run(): string {
    while (this.i < this.src.length) {
      const ch = this.src.charAt(this.i)
      if (ch === '\\') this.escape(false)
      else if (ch === '[') this.charClass()
      else if (ch === '(') this.groupOpen()
      else if (ch === ')') this.groupClose()
      else if (ch === '*' || ch === '+' || ch === '?') this.quantifier(ch, 1, ch !== '?')
      else if (ch === '{') this.brace()
      else if (ch === '}') this.emit('\\}', 1, 'atom')
      else this.emit(ch, 1, ch === '|' ? 'none' : 'atom')
    }
    if (this.frames.length > 1) throw new Refusal('a group is not closed')
    return this.out
  }

  private fail(what: string, at = this.i): never {
    throw new Refusal(`${what} at offset ${at + this.base} is not supported`)
  }

  private emit(text: string, consumed: number, last: 'none' | 'atom' | Frame): void {
    this.out += text
    this.i += consumed
    this.last = last
  }

  private escape(inClass: boolean): void {
    const c = this.src.charAt(this.i + 1)
    if (c === '') throw new Refusal('the pattern ends with a lone backslash')
    if (SIMPLE_ESCAPES.has(c)) return this.emit('\\' + c, 2, 'atom')
    if (c === 'x') {
      const hex = this.src.slice(this.i + 2, this.i + 4)
      if (!/^[0-9A-Fa-f]{2}$/.test(hex)) this.fail('\\x without exactly two hex digits (e.g. \\x{…})')
      return this.emit('\\x' + hex, 4, 'atom')
    }
    if (c === 'c' && /^[A-Za-z]$/.test(this.src.charAt(this.i + 2))) {
      return this.emit(this.src.slice(this.i, this.i + 3), 3, 'atom')
    }
    if ((c === 'p' || c === 'P') && this.unicode && this.src.charAt(this.i + 2) === '{') {
      const end = this.src.indexOf('}', this.i)
      if (end === -1) throw new Refusal(`\\${c}{ at offset ${this.i + this.base} is not closed`)
      return this.emit(this.src.slice(this.i, end + 1), end + 1 - this.i, 'atom')
    }
    if (c === 'k' && !inClass && this.src.charAt(this.i + 2) === '<') {
      const end = this.src.indexOf('>', this.i)
      const name = end === -1 ? '' : this.src.slice(this.i + 3, end)
      if (!GROUP_NAME.test(name)) this.fail('the back-reference \\k')
      return this.emit(`\\k<${name}>`, end + 1 - this.i, 'atom')
    }
    const refused = REFUSED_ESCAPES[c]
    if (refused !== undefined) this.fail(refused)
    if (/[A-Za-z]/.test(c)) this.fail(`the escape \\${c}`)
    // Escaped punctuation is a literal in PCRE; JS 'u' mode refuses needless escapes.
    this.emit(JS_SYNTAX.has(c) ? '\\' + c : c, 2, 'atom')
  }

  private charClass(): void {
    const start = this.i
    this.out += '['
    this.i++
    if (this.src.charAt(this.i) === '^') {
      this.out += '^'
      this.i++
    }
    // PCRE reads a `]` right after `[` or `[^` as a literal; JS reads `[]` as the empty class.
    if (this.src.charAt(this.i) === ']') {
      this.out += '\\]'
      this.i++
    }
    while (this.i < this.src.length) {
      const ch = this.src.charAt(this.i)
      if (ch === ']') return this.emit(']', 1, 'atom')
      if (ch === '\\') {
        this.escape(true)
        continue
      }
      if (ch === '[' && ':=.'.includes(this.src.charAt(this.i + 1))) this.fail('a POSIX class [[:…:]]')
      this.out += ch
      this.i++
    }
    throw new Refusal(`the character class at offset ${start + this.base} is not closed`)
  }

  private groupOpen(): void {
    const s = this.src
    const at = this.i
    const rest = s.slice(at + 1, at + 4)
    if (rest.startsWith('*')) this.fail('a backtracking verb or option (*…)')
    if (!rest.startsWith('?')) return this.push('(', 1)
    const kind = rest.charAt(1)
    if (kind === ':' || kind === '=' || kind === '!') return this.push(`(?${kind}`, 3)
    if (kind === '<' && (rest.charAt(2) === '=' || rest.charAt(2) === '!')) return this.push(s.slice(at, at + 4), 4)
    if (kind === '<' || kind === "'") return this.namedGroup(at + 3, kind === '<' ? '>' : "'")
    if (kind === 'P' && rest.charAt(2) === '<') return this.namedGroup(at + 4, '>')
    if (kind === 'P' && rest.charAt(2) === '=') {
      const end = s.indexOf(')', at)
      const name = end === -1 ? '' : s.slice(at + 4, end)
      if (!GROUP_NAME.test(name)) this.fail('the back-reference (?P=')
      return this.emit(`\\k<${name}>`, end + 1 - at, 'atom')
    }
    if (kind === '#') {
      const end = s.indexOf(')', at)
      if (end === -1) throw new Refusal(`the comment (?# at offset ${at + this.base} is not closed`)
      this.i = end + 1
      return
    }
    if (kind === '>') this.fail('an atomic group (?>')
    if (kind === '|') this.fail('a branch-reset group (?|')
    if (kind === '(') this.fail('a conditional group (?(')
    if (kind === 'C') this.fail('a callout (?C')
    if (/[R0-9+&]/.test(kind) || (kind === 'P' && rest.charAt(2) === '>') || /^-[0-9]/.test(rest.slice(1))) {
      this.fail('recursion or a subroutine call')
    }
    if (/[A-Za-z^-]/.test(kind)) this.fail('an inline option setting such as (?i)')
    this.fail(`the group construct (?${kind}`)
  }

  private namedGroup(nameStart: number, terminator: string): void {
    const end = this.src.indexOf(terminator, nameStart)
    const name = end === -1 ? '' : this.src.slice(nameStart, end)
    if (!GROUP_NAME.test(name)) this.fail(`the group name ${JSON.stringify(name)}`)
    this.push(`(?<${name}>`, end + 1 - this.i)
  }

  private push(text: string, consumed: number): void {
    this.frames.push({ hasQuantifier: false })
    this.emit(text, consumed, 'none')
  }

  private groupClose(): void {
    const frame = this.frames.pop()
    const parent = this.frames[this.frames.length - 1]
    if (frame === undefined || parent === undefined) throw new Refusal(`unbalanced ')' at offset ${this.i + this.base}`)
    if (frame.hasQuantifier) parent.hasQuantifier = true
    this.emit(')', 1, frame)
  }

  private brace(): void {
    const m = /^\{(\d*)(,(\d*))?\}/.exec(this.src.slice(this.i, this.i + 24))
    if (m === null || (m[1] === '' && m[2] === undefined)) return this.emit('\\{', 1, 'atom')
    if (m[1] === '') this.fail('the quantifier {,n} (PCRE2 10.43 reads it as {0,n}, JavaScript as text)')
    this.quantifier(m[0], m[0].length, m[2] !== undefined && m[3] === '')
  }

  private quantifier(text: string, consumed: number, unbounded: boolean): void {
    const at = this.i
    if (this.last === 'none') throw new Refusal(`quantifier ${text} at offset ${at + this.base} has nothing to repeat`)
    if (unbounded && typeof this.last === 'object' && this.last.hasQuantifier) {
      throw new Refusal(`nested quantifiers at offset ${at + this.base} can backtrack catastrophically`)
    }
    const frame = this.frames[this.frames.length - 1]
    if (frame !== undefined) frame.hasQuantifier = true
    let suffix = ''
    const next = this.src.charAt(at + consumed)
    if (next === '+') this.fail('a possessive quantifier', at + consumed)
    if (next === '?') suffix = '?'
    this.emit(text + suffix, consumed + suffix.length, 'none')
  }
}

/**
 * The subset of TOML v1.0 that certmesh's config file uses: `[table]` and `[a.b]`
 * headers, `key = value` with bare or quoted keys, basic and literal strings, integers,
 * floats, booleans and one-line arrays of those, `#` comments. Anything else is a
 * ConfigSyntaxError naming the line and column, never a guess.
 */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable
export interface TomlTable {
  [key: string]: TomlValue
}

export class ConfigSyntaxError extends Error {
  override readonly name = 'ConfigSyntaxError'
  constructor(
    readonly line: number,
    readonly column: number,
    problem: string,
  ) {
    super(`line ${line}, column ${column}: ${problem}`)
  }
}

const BARE_KEY = /^[A-Za-z0-9_-]+/

class Cursor {
  pos = 0
  constructor(
    readonly text: string,
    readonly line: number,
  ) {}
  fail(problem: string): never {
    throw new ConfigSyntaxError(this.line, this.pos + 1, problem)
  }
  skipSpace(): void {
    while (this.text[this.pos] === ' ' || this.text[this.pos] === '\t') this.pos++
  }
  peek(): string | undefined {
    return this.text[this.pos]
  }
  atEnd(): boolean {
    this.skipSpace()
    return this.pos >= this.text.length || this.text[this.pos] === '#'
  }
}

function parseKey(c: Cursor): string {
  c.skipSpace()
  const ch = c.peek()
  if (ch === '"' || ch === "'") return parseString(c)
  const m = BARE_KEY.exec(c.text.slice(c.pos))
  if (!m) c.fail(`expected a key, found ${describe(ch)}`)
  c.pos += m[0].length
  return m[0]
}

function parseDottedKey(c: Cursor): string[] {
  const parts = [parseKey(c)]
  c.skipSpace()
  while (c.peek() === '.') {
    c.pos++
    parts.push(parseKey(c))
    c.skipSpace()
  }
  return parts
}

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', '"': '"', '\\': '\\' }

function parseString(c: Cursor): string {
  const quote = c.peek()
  c.pos++
  let out = ''
  for (;;) {
    const ch = c.text[c.pos]
    if (ch === undefined) c.fail('unterminated string')
    c.pos++
    if (ch === quote) return out
    if (ch === '\\' && quote === '"') {
      const e = c.text[c.pos++]
      if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8
        const hex = c.text.slice(c.pos, c.pos + len)
        if (!new RegExp(`^[0-9A-Fa-f]{${len}}$`).test(hex)) c.fail(`bad \\${e} escape`)
        out += String.fromCodePoint(parseInt(hex, 16))
        c.pos += len
      } else if (e !== undefined && ESCAPES[e] !== undefined) out += ESCAPES[e]
      else c.fail(`unknown escape \\${e ?? ''}`)
    } else if (ch.charCodeAt(0) < 0x20 && ch !== '\t') c.fail('control character in string')
    else out += ch
  }
}

function parseValue(c: Cursor): TomlValue {
  c.skipSpace()
  const ch = c.peek()
  if (ch === '"' || ch === "'") return parseString(c)
  if (ch === '[') {
    c.pos++
    const items: TomlValue[] = []
    for (;;) {
      c.skipSpace()
      if (c.peek() === ']') {
        c.pos++
        return items
      }
      items.push(parseValue(c))
      c.skipSpace()
      if (c.peek() === ',') c.pos++
      else if (c.peek() !== ']') c.fail(`expected ',' or ']' in array, found ${describe(c.peek())}`)
    }
  }
  const m = /^[^\s,\]#]+/.exec(c.text.slice(c.pos))
  if (!m) c.fail(`expected a value, found ${describe(ch)}`)
  const word = m[0]
  c.pos += word.length
  if (word === 'true') return true
  if (word === 'false') return false
  if (/^[+-]?(0|[1-9](_?\d)*)$/.test(word)) return Number(word.replaceAll('_', ''))
  if (/^[+-]?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(word)) return Number(word)
  c.fail(`'${word}' is not a value: strings need quotes`)
}

function describe(ch: string | undefined): string {
  return ch === undefined ? 'end of line' : `'${ch}'`
}

function tableAt(root: TomlTable, path: string[], c: Cursor): TomlTable {
  let t = root
  for (const k of path) {
    const next = t[k]
    if (next === undefined) t = t[k] = {}
    else if (typeof next === 'object' && !Array.isArray(next)) t = next
    else c.fail(`'${path.join('.')}' is already a value, not a table`)
  }
  return t
}

export function parseToml(text: string): TomlTable {
  const root: TomlTable = {}
  let current = root
  const defined = new Set<string>()
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  lines.forEach((raw, i) => {
    const c = new Cursor(raw, i + 1)
    if (c.atEnd()) return
    if (c.peek() === '[') {
      c.pos++
      const path = parseDottedKey(c)
      if (c.peek() !== ']') c.fail(`expected ']' after table name, found ${describe(c.peek())}`)
      c.pos++
      if (!c.atEnd()) c.fail('unexpected text after table header')
      const name = path.join('.')
      if (defined.has(name)) c.fail(`table [${name}] is defined twice`)
      defined.add(name)
      current = tableAt(root, path, c)
      return
    }
    const key = parseDottedKey(c)
    if (c.peek() !== '=') c.fail(`expected '=' after key '${key.join('.')}', found ${describe(c.peek())}`)
    c.pos++
    const value = parseValue(c)
    if (!c.atEnd()) c.fail('unexpected text after value')
    const table = tableAt(current, key.slice(0, -1), c)
    const last = key[key.length - 1]!
    if (last in table) c.fail(`key '${key.join('.')}' is defined twice`)
    table[last] = value
  })
  return root
}

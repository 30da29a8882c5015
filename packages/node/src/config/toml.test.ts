import { describe, expect, it } from 'vitest'
import { ConfigSyntaxError, parseToml } from './toml.js'

describe('parseToml', () => {
  it('reads tables, dotted tables, strings, numbers, booleans and arrays', () => {
    const t = parseToml(
      [
        '# comment',
        'name = "Stadt \\"Nord\\" CERT" # trailing',
        "path = 'C:\\no\\escapes'",
        '[http]',
        'listen = "127.0.0.1:8080"',
        'enabled = true',
        '[indicators.validity_days]',
        'ipv4-addr = 30',
        'ratio = 0.5',
        'big = 1_000',
        'list = [ "a", \'b\', 3 ]',
      ].join('\r\n'),
    )
    expect(t).toEqual({
      name: 'Stadt "Nord" CERT',
      path: 'C:\\no\\escapes',
      http: { listen: '127.0.0.1:8080', enabled: true },
      indicators: { validity_days: { 'ipv4-addr': 30, ratio: 0.5, big: 1000, list: ['a', 'b', 3] } },
    })
  })

  it.each([
    ['listen = 127.0.0.1', 1, "'127.0.0.1' is not a value"],
    ['a = "x"\na = "y"', 2, "key 'a' is defined twice"],
    ['[t]\n[t]', 2, 'table [t] is defined twice'],
    ['a = "open', 1, 'unterminated string'],
    ['a "x"', 1, "expected '='"],
    ['a = [1 2]', 1, "expected ',' or ']'"],
    ['a = "x" b', 1, 'unexpected text after value'],
  ])('rejects %j at line %i', (text, line, problem) => {
    let err: unknown
    try {
      parseToml(text)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(ConfigSyntaxError)
    expect((err as ConfigSyntaxError).line).toBe(line)
    expect((err as Error).message).toContain(problem)
  })
})

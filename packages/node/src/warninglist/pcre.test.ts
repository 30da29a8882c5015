import { describe, expect, it } from 'vitest'
import { translatePcre } from './pcre.js'

function compile(entry: string): RegExp {
  const r = translatePcre(entry, 512)
  if (!r.ok) throw new Error(r.problem)
  return r.regex
}
function problem(entry: string, max = 512): string {
  const r = translatePcre(entry, max)
  if (r.ok) throw new Error(`expected ${entry} to be refused, got /${r.regex.source}/${r.regex.flags}`)
  return r.problem
}

describe('translatePcre: accepted patterns', () => {
  it('strips delimiters and maps modifiers (MISP common-contact-emails)', () => {
    const re = compile('/^(security|noc|soc|abuse)\\@.*\\..*$/i')
    expect(re.flags).toBe('i')
    expect(re.test('ABUSE@example.org')).toBe(true)
    expect(re.test('john@example.org')).toBe(false)
    expect(re.test('abuse@localhost')).toBe(false)
  })
  it('drops g, so test() keeps no state between values (MISP phone_numbers)', () => {
    const re = compile('/((?:\\+|00)44)?07700900([0-9]{3})/g')
    expect(re.flags).toBe('')
    expect(re.test('+4407700900123')).toBe(true)
    expect(re.test('07700900123')).toBe(true)
    expect(re.test('07700800123')).toBe(false)
  })
  it('accepts other delimiters, including bracket pairs', () => {
    expect(compile('#^a/b$#').test('a/b')).toBe(true)
    expect(compile('{^a(b)c$}').test('abc')).toBe(true)
    expect(compile('~^x\\~y$~').test('x~y')).toBe(true)
  })
  it('translates PCRE-only spellings', () => {
    expect(compile('/(?P<h>[a-f]+)-(?P=h)/').test('ab-ab')).toBe(true)
    expect(compile("/(?'h'x)\\k<h>/").test('xx')).toBe(true)
    expect(compile('/a(?#comment)b/').test('ab')).toBe(true)
    expect(compile('/[]x]/').test(']')).toBe(true)
    expect(compile('/[^]x]/').test(']')).toBe(false)
    expect(compile('/a{/').test('a{')).toBe(true)
  })
  it('maps A to an anchor at the start', () => {
    const re = compile('/b/A')
    expect(re.test('bc')).toBe(true)
    expect(re.test('abc')).toBe(false)
  })
  it('keeps \\p{…} under the u modifier', () => {
    expect(compile('/^\\p{Lu}+$/u').test('ÄB')).toBe(true)
  })
})

describe('translatePcre: refused patterns', () => {
  it.each([
    ['/\\Aabc/', '\\A'],
    ['/abc\\z/', '\\z'],
    ['/a\\Qb.c\\E/', '\\Q'],
    ['/\\h+/', 'horizontal'],
    ['/\\x{41}/', '\\x'],
    ['/(?>a)/', 'atomic'],
    ['/(?|a)/', 'branch-reset'],
    ['/(?(1)a|b)/', 'conditional'],
    ['/(a)(?1)/', 'subroutine'],
    ['/(?R)/', 'recursion'],
    ['/(?i)abc/', 'inline option'],
    ['/(*UTF8)abc/', 'verb'],
    ['/[[:alpha:]]/', 'POSIX'],
    ['/a++/', 'possessive'],
    ['/a{,3}/', '{,n}'],
    ['/\\p{L}/', '\\p'],
    ['/abc/x', 'modifier "x"'],
    ['/abc/U', 'modifier "U"'],
    ['/\\y/', '\\y'],
  ])('%s (%s)', (entry, fragment) => {
    expect(problem(entry)).toContain(fragment)
  })
  it('refuses entries without delimiters', () => {
    expect(problem('abc')).toMatch(/delimiter/)
    expect(problem('/abc')).toMatch(/no closing delimiter/)
    expect(problem('')).toMatch(/delimiter/)
  })
  it('refuses nested unbounded quantifiers', () => {
    expect(problem('/^(a+)+$/')).toMatch(/nested quantifiers at offset 6/)
    expect(problem('/(?:\\w*x)*/')).toMatch(/nested quantifiers/)
    expect(problem('/((ab)+c)*/')).toMatch(/nested quantifiers/)
    expect(compile('/(a+)?b/').test('aab')).toBe(true)
    expect(compile('/(ab)+c/').test('ababc')).toBe(true)
  })
  it('refuses patterns over the length limit', () => {
    expect(problem(`/${'a'.repeat(20)}/`, 10)).toBe('pattern is 20 characters, over the limit of 10')
  })
  it('reports what JavaScript itself rejects', () => {
    expect(problem('/a)/')).toMatch(/unbalanced '\)'/)
    expect(problem('/(a/')).toMatch(/not closed/)
    expect(problem('/[a/')).toMatch(/character class at offset 1 is not closed/)
    expect(problem('/*a/')).toMatch(/nothing to repeat/)
  })
})

import { describe, expect, it } from 'vitest'
import { ObservableError } from './errors.js'
import { normaliseEmail } from './email.js'

describe('normaliseEmail', () => {
  it.each([
    ['alice@example.com', 'alice@example.com'],
    ['Alice.Smith@Example.COM', 'alice.smith@example.com'],
    ['john+tag@example.org', 'john+tag@example.org'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['user@Bücher.example', 'user@xn--bcher-kva.example'],
    ['Jörg@example.de', 'jörg@example.de'],
    ['jo\u0308rg@example.de', 'jörg@example.de'], // NFC: o + combining diaeresis = ö
    ['x@example.com.', 'x@example.com'],
    ['first..last@example.com', 'first..last@example.com'],
    ['a@localhost', 'a@localhost'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseEmail(input)).toBe(expected)
  })

  it.each([
    ['alice.example.com', "exactly one '@', this has 0"],
    ['a@b@example.com', "exactly one '@', this has 2"],
    ['@example.com', 'local part'],
    ['alice@', "domain (after '@') is empty"],
    ['"a b"@example.com', 'quoted local parts'],
    ['alice@[192.0.2.1]', 'address literals'],
    ['al ice@example.com', "the character ' '"],
    ['al\u3000ice@example.com', 'white space'],
    ['alice@exa mple.com', "domain: the character ' '"],
    ['alice@192.0.2.1', 'IP address'],
    ['<alice@example.com>', "the character '<'"],
    [`${'a'.repeat(65)}@example.com`, 'local part is 65 bytes'],
    [`a@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}`, 'the address is 255 bytes long; the limit is 254'],
  ])('rejects %j (%s)', (input, problem) => {
    expect(() => normaliseEmail(input)).toThrow(ObservableError)
    expect(() => normaliseEmail(input)).toThrow(problem)
  })
})

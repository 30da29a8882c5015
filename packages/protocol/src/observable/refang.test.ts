import { describe, expect, it } from 'vitest'
import { refang } from './refang.js'

describe('refang', () => {
  it.each([
    ['hxxp://evil[.]example/a', 'http://evil.example/a'],
    ['HXXPS://evil(.)example', 'https://evil.example'],
    ['hxxp[:]//evil.example', 'http://evil.example'],
    ['hxxps[://]evil.example', 'https://evil.example'],
    ['fxp://files.example', 'ftp://files.example'],
    ['http[://]evil{.}example', 'http://evil.example'],
    ['evil[dot]example(DOT)com', 'evil.example.com'],
    ['198[.]51[.]100[.]7', '198.51.100.7'],
    ['2001:db8[:]1', '2001:db8:1'],
    ['alice[@]example[.]com', 'alice@example.com'],
    ['alice[at]example[.]com', 'alice@example.com'],
    ['example.com', 'example.com'],
    ['dot.example', 'dot.example'],
    ['http://a.example/hxxp://x', 'http://a.example/hxxp://x'],
  ])('%s → %s', (input, expected) => {
    expect(refang(input)).toBe(expected)
  })
})

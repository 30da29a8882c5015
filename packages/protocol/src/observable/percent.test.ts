import { describe, expect, it } from 'vitest'
import { normalisePercentEncoding, PATH_CHARS, QUERY_CHARS, removeDotSegments } from './percent.js'

describe('removeDotSegments (RFC 3986 §5.2.4)', () => {
  it.each([
    ['/a/b/c/./../../g', '/a/g'], // the RFC's own example
    ['mid/content=5/../6', 'mid/6'], // the RFC's own example
    ['/', '/'],
    ['/.', '/'],
    ['/..', '/'],
    ['/a/..', '/'],
    ['/a/.', '/a/'],
    ['/a//b', '/a//b'],
    ['//', '//'],
    ['/a/b/../../../c', '/c'],
    ['/a/.../b', '/a/.../b'],
    ['/a/..b/c', '/a/..b/c'],
    ['', ''],
  ])('%s → %s', (input, expected) => {
    expect(removeDotSegments(input)).toBe(expected)
  })
})

describe('normalisePercentEncoding', () => {
  it.each([
    ['%7e%41%2d%2E%5f', '~A-._'],
    ['%2f%3F%23%25', '%2F%3F%23%25'],
    ['%c3%bc', '%C3%BC'],
    ['ü', '%C3%BC'],
    ['a b"<>`{|}^\\', 'a%20b%22%3C%3E%60%7B%7C%7D%5E%5C'],
    ['%', '%25'],
    ['%4', '%254'],
    ['%G1', '%25G1'],
    ['𝒳', '%F0%9D%92%B3'],
    ["!$&'()*+,;=:@", "!$&'()*+,;=:@"],
  ])('path %j → %j', (input, expected) => {
    expect(normalisePercentEncoding(input, PATH_CHARS)).toBe(expected)
  })

  it('lets the query keep "?" and "/" but encodes "#"-free disallowed characters', () => {
    expect(normalisePercentEncoding('a=1?b=/x&c=[1]', QUERY_CHARS)).toBe('a=1?b=/x&c=%5B1%5D')
    expect(normalisePercentEncoding('a=1?b', PATH_CHARS)).toBe('a=1%3Fb')
  })
})

import { describe, expect, it } from 'vitest'
import { urlHost } from './candidates.js'
import { MAX_LOOKUP_VALUE_CHARS, recogniseValue } from './recognise.js'

const key = (raw: string): string => {
  const r = recogniseValue(raw)
  if (!r.ok) throw new Error(r.error)
  return r.observable.key
}
const error = (raw: string): string => {
  const r = recogniseValue(raw)
  if (r.ok) throw new Error(`recognised as ${r.observable.key}`)
  return r.error
}

describe('recogniseValue', () => {
  it('auto-detects, normalises and refangs like a text IOC list', () => {
    expect(key('10.1.2.3/8')).toBe('ipv4-addr:value=10.0.0.0/8')
    expect(key('2001:DB8::0:1')).toBe('ipv6-addr:value=2001:db8::1')
    expect(key('evil[.]Example.com')).toBe('domain-name:value=evil.example.com')
    expect(key('hxxp://evil.example.com')).toBe('url:value=http://evil.example.com/')
    expect(key('D41D8CD98F00B204E9800998ECF8427E')).toBe('file:hashes.MD5=d41d8cd98f00b204e9800998ecf8427e')
  })

  it('reads TYPE:VALUE with the CLI type names, case-insensitively', () => {
    expect(key('SHA256:' + 'A'.repeat(64))).toBe(`file:hashes.SHA-256=${'a'.repeat(64)}`)
    expect(key('domain:setup.exe')).toBe('domain-name:value=setup.exe')
    expect(key('ipv6-addr: ::1 ')).toBe('ipv6-addr:value=::1')
    expect(key('email:Ceo@Example.com')).toMatch(/^email-addr:value=/)
  })

  it('keeps scheme URLs and IPv6 addresses out of the TYPE:VALUE form', () => {
    expect(key('file:///etc/passwd')).toMatch(/^url:value=file:/)
    expect(key('fe80::1')).toBe('ipv6-addr:value=fe80::1')
  })

  it('says why a value is not recognisable', () => {
    expect(error('   ')).toBe('the value is empty')
    expect(error('x'.repeat(MAX_LOOKUP_VALUE_CHARS + 1))).toMatch(/limit is 8192/)
    expect(error('1.2.3')).toMatch(/4 dot-separated octets/)
    expect(error('a'.repeat(33))).toMatch(/33 hexadecimal digits/)
    expect(error('invoice.pdf')).toMatch(/file name.*'domain:invoice\.pdf'/)
    expect(error('md5:1234')).toMatch(/MD5/)
    expect(error('just words')).toMatch(/TYPE:VALUE/)
  })
})

describe('urlHost', () => {
  it('takes the host of a normalised URL, without user info or port', () => {
    expect(urlHost('http://user:pw@evil.example.com:8080/a?b#c')).toBe('evil.example.com')
    expect(urlHost('https://[2001:db8::1]:443/')).toBe('[2001:db8::1]')
    expect(urlHost('http://evil.example.com?x=1')).toBe('evil.example.com')
    expect(urlHost('not a url')).toBeUndefined()
  })
})

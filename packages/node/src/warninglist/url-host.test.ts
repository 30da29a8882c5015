import { describe, expect, it } from 'vitest'
import { hostOfUrl } from './url-host.js'

describe('hostOfUrl', () => {
  it.each([
    ['http://updates.microsoft.com/jdrop.js', 'updates.microsoft.com'],
    ['https://user:pw@Example.COM:8443/a?b#c', 'example.com'],
    ['http://example.com.', 'example.com'],
    ['http://[2001:db8::1]:80/x', '2001:db8::1'],
    ['http://10.0.0.1:8080', '10.0.0.1'],
    ['evil.example/path?u=http://other.example/', 'evil.example'],
    ['ftp://files.example', 'files.example'],
  ])('%s → %s', (url, host) => {
    expect(hostOfUrl(url)).toBe(host)
  })
  it.each(['http:///path', 'http://[]/', '', '/only/a/path'])('%j has no host', (url) => {
    expect(hostOfUrl(url)).toBeUndefined()
  })
})

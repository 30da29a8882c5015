import { describe, expect, it } from 'vitest'
import { backoffMs } from './dialer.js'
import { NetworkKeyError } from './errors.js'
import { generateNetworkKey, parseNetworkKey } from './network-key.js'

describe('network key file', () => {
  it('generates keys in the swarm-key format that parse back', () => {
    const text = generateNetworkKey()
    expect(text).toMatch(/^\/key\/swarm\/psk\/1\.0\.0\/\n\/base16\/\n[0-9a-f]{64}\n$/)
    expect(new TextDecoder().decode(parseNetworkKey(text))).toBe(text.trimEnd())
    expect(generateNetworkKey()).not.toBe(text)
  })
  it('accepts CRLF and upper-case hex, refuses anything else', () => {
    const hex = 'AB'.repeat(32)
    expect(new TextDecoder().decode(parseNetworkKey(`/key/swarm/psk/1.0.0/\r\n/base16/\r\n${hex}\r\n`))).toBe(`/key/swarm/psk/1.0.0/\n/base16/\n${hex.toLowerCase()}`)
    for (const bad of ['', 'ab'.repeat(32), `/key/swarm/psk/1.0.0/\n/base64/\n${hex}`, `/key/swarm/psk/1.0.0/\n/base16/\n${hex.slice(2)}`])
      expect(() => parseNetworkKey(bad)).toThrow(NetworkKeyError)
  })
})

describe('redial backoff', () => {
  it('doubles from 0.5 s to a 60 s ceiling, with jitter of at most half', () => {
    expect(backoffMs(0, () => 1)).toBe(500)
    expect(backoffMs(3, () => 1)).toBe(4000)
    expect(backoffMs(3, () => 0)).toBe(2000)
    expect(backoffMs(50, () => 1)).toBe(60_000)
  })
})

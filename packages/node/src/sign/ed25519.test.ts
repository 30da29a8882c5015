import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { sodiumEd25519 } from '@certmesh/protocol/sodium'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../config/config.js'
import { activeEd25519, chooseEd25519, ED25519_ENV, sodiumFallbackReason } from './ed25519.js'

describe('the node’s Ed25519 implementation', () => {
  it('is libsodium by default, where the addon loads', () => {
    expect(sodiumEd25519()).toBeDefined()
    expect(chooseEd25519(undefined).name).toBe('sodium')
    expect(chooseEd25519('').name).toBe('sodium')
    expect(chooseEd25519('sodium').name).toBe('sodium')
  })

  it(`is node:crypto when ${ED25519_ENV}=node-crypto`, () => {
    expect(chooseEd25519('node-crypto')).toBe(nodeEd25519)
  })

  it('refuses an unknown choice with the variable and the accepted values', () => {
    expect(() => chooseEd25519('openssl')).toThrow(ConfigError)
    expect(() => chooseEd25519('openssl')).toThrow(`${ED25519_ENV} must be "sodium" or "node-crypto", got "openssl"`)
  })

  it('is chosen once per process, with no fallback reason when libsodium loaded', () => {
    expect(activeEd25519()).toBe(activeEd25519())
    expect(sodiumFallbackReason()).toBeUndefined()
  })
})

import { sha256 } from '@noble/hashes/sha2.js'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { base64urlEncode } from './base64url.js'
import type { Ed25519 } from './ed25519.js'
import { SIGNATURE_EXTENSION_ID } from './extension.js'
import { identityIdForPublicKey } from './identity.js'
import { nobleEd25519 } from './noble.js'
import { nodeEd25519 } from './node-crypto.js'
import { sodiumEd25519 } from './sodium.js'
import { signObject } from './sign-object.js'
import { signedBytes } from './signed-bytes.js'
import { buildSignatureVectors, type InvalidVector, type ValidVector } from './testing/signature-vectors.js'
import { verifyObject } from './verify-object.js'

// Golden vectors: plain JSON files any implementation can use (docs/protocol.md §3.7).
const dir = fileURLToPath(new URL('../../vectors/signatures/', import.meta.url))
const read = (path: string): unknown => JSON.parse(readFileSync(join(dir, path), 'utf8'))
const list = (sub: string): string[] => readdirSync(join(dir, sub)).filter((n) => n.endsWith('.json')).sort()

const testKeys = read('test-keys.json') as {
  keys: { label: string; seed_hex: string; public_key: string; public_key_hex: string; identity_id: string }[]
}
const seed1 = new Uint8Array(Buffer.from(testKeys.keys[0]!.seed_hex, 'hex'))
const sodium = sodiumEd25519()
if (sodium === undefined) throw new Error('sodium-native did not load: run pnpm install (it is an optional dependency of @certmesh/protocol)')
const impls: Ed25519[] = [nobleEd25519, nodeEd25519, sodium]

describe('test keys', () => {
  it('are SHA-256 of their labels and carry the right public keys and identity ids', () => {
    expect(testKeys.keys).toHaveLength(2)
    for (const k of testKeys.keys) {
      const seed = sha256(new TextEncoder().encode(k.label))
      expect(Buffer.from(seed).toString('hex')).toBe(k.seed_hex)
      const pk = nobleEd25519.getPublicKey(seed)
      expect(Buffer.from(pk).toString('hex')).toBe(k.public_key_hex)
      expect(base64urlEncode(pk)).toBe(k.public_key)
      expect(identityIdForPublicKey(pk)).toBe(k.identity_id)
    }
  })
})

describe('valid signature vectors', () => {
  const names = list('valid')

  it('cover the required cases', () => {
    for (const n of ['indicator', 'identity', 'other-extensions', 'unicode-and-numbers', 'key-reordering']) {
      expect(names).toContain(`${n}.json`)
    }
  })

  it.each(names)('%s verifies with every implementation and has the documented signed bytes', (name) => {
    const v = read(`valid/${name}`) as ValidVector
    expect(new TextDecoder().decode(signedBytes(v.object))).toBe(v.signed_bytes_utf8)
    for (const impl of impls) {
      const result = verifyObject(v.object, impl)
      expect(result, impl.name).toMatchObject({ ok: true, publicKeyB64: v.expected.public_key })
    }
    // Ed25519 is deterministic: re-signing reproduces the signature byte for byte.
    const entry = (v.object.extensions as Record<string, Record<string, unknown>>)[SIGNATURE_EXTENSION_ID]!
    for (const impl of impls) {
      const again = signObject(v.object, seed1, impl)
      expect((again.extensions as Record<string, Record<string, unknown>>)[SIGNATURE_EXTENSION_ID], impl.name).toEqual(entry)
    }
  })
})

describe('invalid signature vectors', () => {
  const names = list('invalid')

  it('cover the required cases', () => {
    for (const n of [
      'changed-character',
      'swapped-public-key',
      'truncated-signature',
      'signature-from-other-version',
      'removed-property',
      'created-by-ref-elsewhere',
      'unsupported-alg',
    ]) {
      expect(names).toContain(`${n}.json`)
    }
  })

  it.each(names)('%s fails with the expected reason in every implementation', (name) => {
    const v = read(`invalid/${name}`) as InvalidVector
    expect(typeof v.description).toBe('string')
    expect(v.expected.ok).toBe(false)
    for (const impl of impls) {
      const result = verifyObject(v.object, impl)
      expect(result.ok, impl.name).toBe(false)
      if (!result.ok) {
        expect(result.reason, `${impl.name}: ${result.message}`).toBe(v.expected.reason)
        expect(result.message.length).toBeGreaterThan(10)
      }
    }
  })
})

describe('vector files', () => {
  it('are exactly what the generator produces, with either implementation', () => {
    const fromNoble = buildSignatureVectors(nobleEd25519)
    expect(buildSignatureVectors(nodeEd25519)).toEqual(fromNoble)
    expect(buildSignatureVectors(sodium)).toEqual(fromNoble)
    const onDisk = ['test-keys.json', ...list('valid').map((n) => `valid/${n}`), ...list('invalid').map((n) => `invalid/${n}`)]
    expect(fromNoble.map((f) => f.path).sort()).toEqual(onDisk.sort())
    for (const file of fromNoble) expect(readFileSync(join(dir, file.path), 'utf8'), file.path).toBe(file.text)
  })
})

describe('docs/protocol.md worked example (§3.8)', () => {
  it('matches valid/identity.json', () => {
    const doc = readFileSync(new URL('../../../../docs/protocol.md', import.meta.url), 'utf8')
    const v = read('valid/identity.json') as ValidVector
    const entry = (v.object.extensions as Record<string, Record<string, string>>)[SIGNATURE_EXTENSION_ID]!
    expect(doc).toContain(testKeys.keys[0]!.seed_hex)
    expect(doc).toContain(testKeys.keys[0]!.identity_id)
    expect(doc).toContain(`\n${v.signed_bytes_utf8}\n`)
    expect(doc).toContain(entry.signature!)
    expect(doc).toContain(Buffer.from(entry.signature!, 'base64url').toString('hex'))
    expect(doc).toContain(`Signed bytes (${signedBytes(v.object).length} bytes`)
  })
})

import * as ed from '@noble/ed25519'
import { randomBytes, sign as opensslSign, verify as opensslVerify, createPublicKey } from 'node:crypto'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { Ed25519KeyError, type Ed25519 } from './ed25519.js'
import { nobleEd25519 } from './noble.js'
import { KEY_CACHE_LIMIT, nodeEd25519, nodeEd25519CacheSizes } from './node-crypto.js'
import { SMALL_ORDER_ENCODINGS } from './public-key-checks.js'
import { sodiumEd25519 } from './sodium.js'
import { forgeForSmallOrderKey, signWithMixedOrderR, signWithSmallOrderR, signWithSmallOrderRForMixedKey, withUnreducedS } from './testing/forge.js'

const unhex = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'hex'))
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex')
const rand = (n: number): Uint8Array => new Uint8Array(randomBytes(n))

// RFC 8032 §7.1 TEST 1 and TEST 2.
const RFC8032 = [
  {
    seed: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
    publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
    message: '',
    signature:
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  },
  {
    seed: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
    publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
    message: '72',
    signature:
      '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
  },
]

// sodium-native is an optional dependency with prebuilt binaries for the platforms
// certmesh supports; the suite requires it so that its agreement is always proven.
const sodium = sodiumEd25519()
if (sodium === undefined) throw new Error('sodium-native did not load: run pnpm install (it is an optional dependency of @certmesh/protocol)')
const impls: Ed25519[] = [nobleEd25519, nodeEd25519, sodium]

describe.each(impls)('$name', (impl) => {
  it('reproduces RFC 8032 §7.1 test vectors', () => {
    for (const v of RFC8032) {
      expect(hex(impl.getPublicKey(unhex(v.seed)))).toBe(v.publicKey)
      expect(hex(impl.sign(unhex(v.message), unhex(v.seed)))).toBe(v.signature)
      expect(impl.verify(unhex(v.signature), unhex(v.message), unhex(v.publicKey))).toBe(true)
    }
  })

  it('rejects a changed message, key or signature bit', () => {
    const seed = rand(32)
    const msg = rand(40)
    const pk = impl.getPublicKey(seed)
    const sig = impl.sign(msg, seed)
    expect(impl.verify(sig, msg, pk)).toBe(true)
    for (const [what, bytes] of [['message', msg], ['signature', sig], ['key', pk]] as const) {
      const flipped = bytes.slice()
      flipped[5]! ^= 0x01
      const args: [Uint8Array, Uint8Array, Uint8Array] =
        what === 'message' ? [sig, flipped, pk] : what === 'signature' ? [flipped, msg, pk] : [sig, msg, flipped]
      expect(impl.verify(...args), what).toBe(false)
    }
  })

  it('returns false, never throws, on wrong lengths and non-bytes', () => {
    const seed = rand(32)
    const msg = rand(10)
    const pk = impl.getPublicKey(seed)
    const sig = impl.sign(msg, seed)
    expect(impl.verify(sig.subarray(0, 63), msg, pk)).toBe(false)
    expect(impl.verify(new Uint8Array([...sig, 0]), msg, pk)).toBe(false)
    expect(impl.verify(sig, msg, pk.subarray(0, 31))).toBe(false)
    expect(impl.verify(sig, msg, new Uint8Array([...pk, 0]))).toBe(false)
    expect(impl.verify(new Uint8Array(0), msg, new Uint8Array(0))).toBe(false)
    expect(impl.verify('sig' as unknown as Uint8Array, msg, pk)).toBe(false)
    expect(impl.verify(sig, msg, null as unknown as Uint8Array)).toBe(false)
  })

  it('returns false for random bytes as a key (mostly not curve points)', () => {
    const msg = rand(8)
    for (let i = 0; i < 30; i++) expect(impl.verify(rand(64), msg, rand(32))).toBe(false)
  })

  it('refuses a seed that is not 32 bytes with a typed error', () => {
    expect(() => impl.getPublicKey(rand(31))).toThrow(Ed25519KeyError)
    expect(() => impl.sign(rand(3), rand(64))).toThrow(/seed must be 32 bytes, got 64 bytes/)
  })

  it('refuses small-order keys, small-order or mixed-order R, and S >= L (certmesh rule)', () => {
    const forged = forgeForSmallOrderKey()
    expect(impl.verify(forged.signature, rand(20), forged.publicKey)).toBe(false)
    for (const h of SMALL_ORDER_ENCODINGS) expect(impl.verify(forged.signature, rand(5), unhex(h)), h).toBe(false)
    const seed = rand(32)
    const msg = rand(33)
    const pk = impl.getPublicKey(seed)
    expect(impl.verify(signWithMixedOrderR(msg, seed), msg, pk)).toBe(false)
    expect(impl.verify(signWithSmallOrderR(msg, seed), msg, pk)).toBe(false)
    expect(impl.verify(withUnreducedS(impl.sign(msg, seed)), msg, pk)).toBe(false)
  })
})

describe('the crafted signatures really separate the rules', () => {
  const spki = (pk: Uint8Array) =>
    createPublicKey({ key: Buffer.concat([unhex('302a300506032b6570032100'), pk]), format: 'der', type: 'spki' })

  it('raw OpenSSL accepts the small-order forgery that nodeEd25519 refuses', () => {
    const forged = forgeForSmallOrderKey()
    const msg = Buffer.from('any message at all')
    expect(opensslVerify(null, msg, spki(forged.publicKey), forged.signature)).toBe(true)
  })

  it('raw OpenSSL accepts the small-order-R signature that raw libsodium and every implementation refuse', () => {
    const seed = rand(32)
    const msg = rand(12)
    const sig = signWithSmallOrderR(msg, seed)
    expect(opensslVerify(null, msg, spki(ed.getPublicKey(seed)), sig)).toBe(true)
    const raw = createRequire(import.meta.url)('sodium-native') as { crypto_sign_verify_detached: (s: Uint8Array, m: Uint8Array, k: Uint8Array) => boolean }
    expect(raw.crypto_sign_verify_detached(sig, msg, ed.getPublicKey(seed))).toBe(false)
  })

  it("noble's default (cofactored) verify accepts the mixed-order-R signature that every implementation refuses", () => {
    const seed = rand(32)
    const msg = rand(12)
    const sig = signWithMixedOrderR(msg, seed)
    expect(ed.verify(sig, msg, ed.getPublicKey(seed), { zip215: false })).toBe(true)
    expect(opensslVerify(null, msg, spki(ed.getPublicKey(seed)), sig)).toBe(false)
  })
})

describe('noble, node-crypto and sodium agree', () => {
  it('byte for byte on keys and signatures for 200 random seeds and messages', () => {
    for (let i = 0; i < 200; i++) {
      const seed = rand(32)
      const msg = rand(i % 97)
      const pk = nobleEd25519.getPublicKey(seed)
      const sig = nobleEd25519.sign(msg, seed)
      expect(new Uint8Array(opensslSign(null, msg, { key: Buffer.concat([unhex('302e020100300506032b657004220420'), seed]), format: 'der', type: 'pkcs8' }))).toEqual(sig)
      for (const impl of impls) {
        expect(impl.getPublicKey(seed), impl.name).toEqual(pk)
        expect(impl.sign(msg, seed), impl.name).toEqual(sig)
        expect(impl.verify(sig, msg, pk), impl.name).toBe(true)
      }
    }
  })

  it('on the verdict for random and tampered inputs', () => {
    for (let i = 0; i < 120; i++) {
      const seed = rand(32)
      const msg = rand(16)
      const pk = nobleEd25519.getPublicKey(seed)
      const sig = nobleEd25519.sign(msg, seed)
      const bad = sig.slice()
      bad[i % 64]! ^= 1 << i % 8
      const key = i % 3 === 0 ? rand(32) : pk
      for (const impl of [nodeEd25519, sodium]) {
        expect(impl.verify(bad, msg, key), impl.name).toBe(nobleEd25519.verify(bad, msg, key))
        expect(impl.verify(sig, msg, key), impl.name).toBe(nobleEd25519.verify(sig, msg, key))
      }
    }
  })

  it('on every small-order point as R', () => {
    // With S = k·a the equation holds for R = O under this prime-order key; for the other
    // R it fails here (a mixed-order key can make it hold: see the next test). Every
    // implementation must say false for all ten.
    const seed = rand(32)
    const msg = rand(21)
    const pk = nobleEd25519.getPublicKey(seed)
    const sig = signWithSmallOrderR(msg, seed)
    for (const h of SMALL_ORDER_ENCODINGS) {
      const withR = new Uint8Array([...unhex(h), ...sig.subarray(32)])
      for (const impl of impls) expect(impl.verify(withR, msg, pk), `${impl.name} ${h}`).toBe(false)
    }
  })
})

describe('a mixed-order key with a small-order R that satisfies the equation', () => {
  it('is accepted by raw OpenSSL and refused by every implementation', () => {
    const spki = (pk: Uint8Array) =>
      createPublicKey({ key: Buffer.concat([unhex('302a300506032b6570032100'), pk]), format: 'der', type: 'spki' })
    for (let i = 0; i < 5; i++) {
      const msg = rand(24)
      const { publicKey, signature } = signWithSmallOrderRForMixedKey(msg, rand(32))
      expect(SMALL_ORDER_ENCODINGS).toContain(hex(signature.subarray(0, 32)))
      expect(hex(signature.subarray(0, 32))).not.toBe(SMALL_ORDER_ENCODINGS[0])
      expect(opensslVerify(null, msg, spki(publicKey), signature)).toBe(true)
      for (const impl of impls) expect(impl.verify(signature, msg, publicKey), impl.name).toBe(false)
    }
  })
})

describe('inputs in shared memory and other views', () => {
  const shared = (b: Uint8Array): Uint8Array => {
    const out = new Uint8Array(new SharedArrayBuffer(b.length + 3), 3, b.length)
    out.set(b)
    return out
  }

  it('verify the same (and return a boolean) when the bytes sit in a SharedArrayBuffer', () => {
    const seed = rand(32)
    const msg = rand(50)
    const pk = nobleEd25519.getPublicKey(seed)
    const sig = nobleEd25519.sign(msg, seed)
    for (const impl of impls) {
      expect(impl.verify(shared(sig), shared(msg), shared(pk)), impl.name).toBe(true)
      expect(impl.sign(shared(msg), shared(seed)), impl.name).toEqual(sig)
      const bad = sig.slice()
      bad[0]! ^= 1
      expect(impl.verify(shared(bad), shared(msg), shared(pk)), impl.name).toBe(false)
    }
  })

  it('sodium refuses to sign a message that is not a Uint8Array', () => {
    expect(() => sodium.sign(new DataView(new ArrayBuffer(8)) as unknown as Uint8Array, rand(32))).toThrow(TypeError)
  })
})

describe('node-crypto key cache', () => {
  it('stays bounded', () => {
    const msg = rand(4)
    for (let i = 0; i < KEY_CACHE_LIMIT + 50; i++) nodeEd25519.verify(rand(64), msg, rand(32))
    expect(nodeEd25519CacheSizes().publicKeys).toBeLessThanOrEqual(KEY_CACHE_LIMIT)
  })

  it('returns a copy of the cached public key', () => {
    const seed = rand(32)
    const a = nodeEd25519.getPublicKey(seed)
    a.fill(0)
    expect(nodeEd25519.getPublicKey(seed)).toEqual(nobleEd25519.getPublicKey(seed))
  })
})

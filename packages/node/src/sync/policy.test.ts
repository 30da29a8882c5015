import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { NodeSigner } from '../sign/signer.js'
import { mayAccept, mayServe, type ServeContext } from './policy.js'

const self = new NodeSigner(new Uint8Array(randomBytes(32)))
const other = new NodeSigner(new Uint8Array(randomBytes(32)))
const SELF = self.publicKeyB64
const OTHER = other.publicKeyB64

const v = (tlp: string | null, signer: string | null, extra: Partial<{ status: 'valid' | 'quarantined'; type: string; id: string }> = {}) => ({
  status: extra.status ?? ('valid' as const),
  signer,
  tlp,
  type: extra.type ?? 'indicator',
  id: extra.id ?? 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
})

const ctx = (peerAmber: boolean, defaultTlp: ServeContext['defaultTlp'] = 'amber'): ServeContext => ({ selfKey: SELF, defaultTlp, peerAmber })
const serve = (tlp: string | null, signer: string | null, peerAmber: boolean) => {
  const d = mayServe(v(tlp, signer), ctx(peerAmber))
  return d.send ? 'send' : d.reason
}

describe('mayServe: the TLP table (DESIGN.md invariant 4, docs/protocol.md §9.7)', () => {
  it.each([
    // tlp, creator, peer allowed AMBER → decision
    ['clear', 'self', false, 'send'],
    ['green', 'self', false, 'send'],
    ['clear', 'other', false, 'send'],
    ['green', 'other', true, 'send'],
    ['amber', 'self', true, 'send'],
    ['amber+strict', 'self', true, 'send'],
    ['amber', 'self', false, 'amber-not-allowed'],
    ['amber+strict', 'self', false, 'amber-not-allowed'],
    ['amber', 'other', true, 'amber-relay'],
    ['amber+strict', 'other', true, 'amber-relay'],
    ['red', 'self', true, 'red'],
    ['red', 'other', true, 'red'],
    ['TLP:PURPLE', 'self', true, 'unknown-marking'],
    ['', 'self', true, 'unknown-marking'],
    [null, 'other', true, 'unmarked-relay'],
  ] as const)('%s created by %s, peer amber=%s → %s', (tlp, who, amber, expected) => {
    expect(serve(tlp, who === 'self' ? SELF : OTHER, amber)).toBe(expected)
  })

  it("an unmarked object of this node takes the node's default TLP", () => {
    expect(mayServe(v(null, SELF), ctx(false, 'amber'))).toEqual({ send: false, reason: 'amber-not-allowed' })
    expect(mayServe(v(null, SELF), ctx(true, 'amber'))).toEqual({ send: true })
    expect(mayServe(v(null, SELF), ctx(true, 'red'))).toEqual({ send: false, reason: 'red' })
    expect(mayServe(v(null, SELF), ctx(false, 'green'))).toEqual({ send: true })
  })

  it("an unmarked identity that is its signer's own counts as GREEN, and is relayed", () => {
    expect(mayServe(v(null, OTHER, { type: 'identity', id: other.identityId }), ctx(false))).toEqual({ send: true })
    expect(mayServe(v(null, SELF, { type: 'identity', id: self.identityId }), ctx(false, 'red'))).toEqual({ send: true })
    // Someone else's identity object signed by OTHER is not OTHER's own identity.
    expect(mayServe(v(null, OTHER, { type: 'identity', id: self.identityId }), ctx(true))).toEqual({ send: false, reason: 'unmarked-relay' })
  })

  it('never sends quarantined or unsigned versions', () => {
    expect(mayServe(v('clear', SELF, { status: 'quarantined' }), ctx(true))).toEqual({ send: false, reason: 'quarantined' })
    expect(mayServe(v('clear', null), ctx(true))).toEqual({ send: false, reason: 'unsigned' })
  })

  it('never sends a peer the versions it sent us (no echo), and still sends what came from others', () => {
    const asked = { ...ctx(true), peerId: '12D3KooWasker' }
    expect(mayServe({ ...v('clear', OTHER), origin: '12D3KooWasker' }, asked)).toEqual({ send: false, reason: 'echo' })
    expect(mayServe({ ...v('clear', OTHER), origin: '12D3KooWthird' }, asked)).toEqual({ send: true })
    expect(mayServe({ ...v('clear', OTHER), origin: '12D3KooWasker' }, ctx(true))).toEqual({ send: true })
  })
})

describe('mayAccept: what a correct sender may have sent', () => {
  const acc = (tlp: Parameters<typeof mayAccept>[0]['tlp'], signer: string, sender: string, type = 'indicator', id = 'indicator--x') => {
    const d = mayAccept({ tlp, signer, type, id }, sender)
    return d.accept ? 'accept' : d.reason
  }
  it.each([
    ['clear', OTHER, SELF, 'accept'],
    ['green', OTHER, SELF, 'accept'],
    ['amber', OTHER, OTHER, 'accept'],
    ['amber+strict', OTHER, OTHER, 'accept'],
    ['amber', OTHER, SELF, 'tlp-amber-relayed'],
    ['amber+strict', OTHER, SELF, 'tlp-amber-relayed'],
    ['red', OTHER, OTHER, 'tlp-red'],
    [null, OTHER, OTHER, 'accept'],
    [null, OTHER, SELF, 'tlp-unmarked-relayed'],
  ] as const)('%s signed by %s sent by %s → %s', (tlp, signer, sender, expected) => {
    expect(acc(tlp, signer, sender)).toBe(expected)
  })

  it("accepts a relayed unmarked identity only when it is its signer's own", () => {
    expect(acc(null, OTHER, SELF, 'identity', other.identityId)).toBe('accept')
    expect(acc(null, OTHER, SELF, 'identity', self.identityId)).toBe('tlp-unmarked-relayed')
  })
})

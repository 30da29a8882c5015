import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/temp-dir.js'
import { openStore } from '../store/open.js'
import { ADMIN_RIGHTS, canRead, canWrite, createToken, tokenFromAuthorization, verifyToken } from './tokens.js'

const store = () => openStore(join(tempDir('certmesh-tokens-'), 'db.sqlite'))

describe('API tokens', () => {
  it('creates a ≥128-bit token that verifies, stores only its hash, and can be revoked', () => {
    const s = store()
    const t = createToken(s.tokens, 'sentinel', { admin: false, read: ['indicators'], write: [] })
    expect(t.token).toMatch(/^cm_[A-Za-z0-9_-]{11}_[A-Za-z0-9_-]{43}$/)
    const rec = verifyToken(s.tokens, t.token)
    expect(rec?.name).toBe('sentinel')
    expect(JSON.stringify(s.tokens.list())).not.toContain(t.token.slice(-43))
    expect(s.tokens.revoke('sentinel', Date.now())).toBe(true)
    expect(verifyToken(s.tokens, t.token)).toBeUndefined()
    s.close()
  })

  it('rejects a wrong secret with the right key id, garbage, and duplicate names', () => {
    const s = store()
    const t = createToken(s.tokens, 'a', ADMIN_RIGHTS)
    const forged = t.token.slice(0, -1) + (t.token.endsWith('A') ? 'B' : 'A')
    expect(verifyToken(s.tokens, forged)).toBeUndefined()
    expect(verifyToken(s.tokens, 'hello')).toBeUndefined()
    expect(() => createToken(s.tokens, 'a', ADMIN_RIGHTS)).toThrow(/exists already/)
    expect(() => createToken(s.tokens, 'bad name!', ADMIN_RIGHTS)).toThrow(/token name/)
    s.close()
  })

  it('reads Bearer and Basic (any user, token as password)', () => {
    expect(tokenFromAuthorization('Bearer cm_x')).toBe('cm_x')
    const basic = Buffer.from('sentinel:cm_secret').toString('base64')
    expect(tokenFromAuthorization(`Basic ${basic}`)).toBe('cm_secret')
    expect(tokenFromAuthorization('Digest abc')).toBeUndefined()
    expect(tokenFromAuthorization(undefined)).toBeUndefined()
  })

  it('checks rights per collection', () => {
    const r = { admin: false, read: ['indicators'], write: [] as string[] }
    expect(canRead(r, 'indicators')).toBe(true)
    expect(canRead(r, 'all')).toBe(false)
    expect(canWrite(r, 'indicators')).toBe(false)
    expect(canWrite(ADMIN_RIGHTS, 'x')).toBe(true)
  })
})

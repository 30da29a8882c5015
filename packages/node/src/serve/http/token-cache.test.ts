import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../../test/temp-dir.js'
import { ADMIN_RIGHTS, createToken } from '../../auth/tokens.js'
import { openStore } from '../../store/open.js'
import { TOKEN_CACHE_TTL_MS, verifyTokenCached } from './token-cache.js'

const store = () => openStore(join(tempDir('certmesh-token-cache-'), 'db.sqlite'))

describe('verifyTokenCached', () => {
  it('answers a valid token with its record and refuses a wrong one', () => {
    const s = store()
    const { token } = createToken(s.tokens, 'siem', ADMIN_RIGHTS)
    expect(verifyTokenCached(s.tokens, token, 1_000)?.name).toBe('siem')
    expect(verifyTokenCached(s.tokens, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 1_000)).toBeUndefined()
    s.close()
  })

  it('stops accepting a token as soon as it is revoked through the same table', () => {
    const s = store()
    const { token } = createToken(s.tokens, 'siem', ADMIN_RIGHTS)
    expect(verifyTokenCached(s.tokens, token, 1_000)).toBeDefined()
    expect(s.tokens.revoke('siem', 1_001)).toBe(true)
    expect(verifyTokenCached(s.tokens, token, 1_002)).toBeUndefined()
    s.close()
  })

  it('re-reads the table once an entry is older than the TTL (a revoke by another connection)', () => {
    const s = store()
    const { token } = createToken(s.tokens, 'siem', ADMIN_RIGHTS)
    expect(verifyTokenCached(s.tokens, token, 1_000)).toBeDefined()
    // Behind the table's back, as another process would: the generation does not move.
    ;(s as unknown as { db: { prepare(sql: string): { run(): void } } }).db.prepare("UPDATE api_token SET revoked_at = 5 WHERE name = 'siem'").run()
    expect(verifyTokenCached(s.tokens, token, 1_000 + TOKEN_CACHE_TTL_MS - 1)).toBeDefined()
    expect(verifyTokenCached(s.tokens, token, 1_000 + TOKEN_CACHE_TTL_MS)).toBeUndefined()
    s.close()
  })
})

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { BadRequestError, ConflictError } from '../errors.js'
import type { TokenRecord, TokenRights, TokenTable } from '../store/tokens.js'

/**
 * API tokens: `cm_<key id>_<secret>`, 64 bits of key id to find the row and 256 bits of
 * secret. Only SHA-256 of the whole token is stored; a presented token is compared to it
 * in constant time. A fast hash is right here: the secret has 256 bits of entropy, so
 * there is nothing for a slow password hash to protect.
 */
const TOKEN_FORMAT = /^cm_([A-Za-z0-9_-]{11})_([A-Za-z0-9_-]{43})$/
const NAME_FORMAT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest()
}

export interface CreatedToken {
  name: string
  token: string
  rights: TokenRights
}

export function createToken(table: TokenTable, name: string, rights: TokenRights, now = Date.now()): CreatedToken {
  if (!NAME_FORMAT.test(name))
    throw new BadRequestError(`token name '${name}' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`)
  const keyId = randomBytes(8).toString('base64url')
  const token = `cm_${keyId}_${randomBytes(32).toString('base64url')}`
  const ok = table.insert({ keyId, name, hash: sha256(token).toString('hex'), rights, createdAt: now })
  if (!ok) throw new ConflictError(`a token named '${name}' exists already; revoke it first or choose another name`)
  return { name, token, rights }
}

/** The token's record when `presented` is a valid, unrevoked token; undefined otherwise. */
export function verifyToken(table: TokenTable, presented: string): TokenRecord | undefined {
  const m = TOKEN_FORMAT.exec(presented)
  if (!m) return undefined
  const record = table.byKeyId(m[1]!)
  if (!record) return undefined
  const expected = Buffer.from(record.hash, 'hex')
  const actual = sha256(presented)
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? record : undefined
}

/**
 * The token from an Authorization header: `Bearer <token>`, or HTTP Basic with the token
 * as password and any user name (Microsoft Sentinel and others only speak Basic).
 */
export function tokenFromAuthorization(header: string | undefined): string | undefined {
  if (!header) return undefined
  const [scheme, value] = header.trim().split(/\s+/, 2)
  if (!scheme || !value) return undefined
  if (scheme.toLowerCase() === 'bearer') return value
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    return colon >= 0 ? decoded.slice(colon + 1) : undefined
  }
  return undefined
}

export function canRead(rights: TokenRights, collection: string): boolean {
  return rights.admin || rights.read === 'all' || rights.read.includes(collection)
}

export function canWrite(rights: TokenRights, collection: string): boolean {
  return rights.admin || rights.write === 'all' || rights.write.includes(collection)
}

export const ADMIN_RIGHTS: TokenRights = { admin: true, read: 'all', write: 'all' }

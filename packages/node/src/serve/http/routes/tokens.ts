import { Hono } from 'hono'
import { createToken } from '../../../auth/tokens.js'
import { BadRequestError, NotFoundError } from '../../../errors.js'
import type { TokenRights, TokenTable } from '../../../store/tokens.js'
import { requireAdmin } from '../auth.js'
import { parseJsonObject } from '../body.js'
import type { HttpEnv } from '../context.js'
import { COLLECTIONS, findCollection } from '../taxii/collections.js'

/** Scopes a token can be given besides TAXII collections. */
const EXTRA_SCOPES = ['metrics']

function scopeList(value: unknown, field: 'read' | 'write'): 'all' | string[] {
  if (value === undefined) return []
  if (value === 'all') return 'all'
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new BadRequestError(`rights.${field}: must be "all" or a list of collection ids or aliases`)
  const out: string[] = []
  for (const name of value as string[]) {
    const c = findCollection(name)
    if (c) out.push(c.alias)
    else if (field === 'read' && EXTRA_SCOPES.includes(name)) out.push(name)
    else
      throw new BadRequestError(
        `rights.${field}: unknown collection '${name}'; known: ${COLLECTIONS.map((x) => `${x.alias} (${x.id})`).join(', ')}${field === 'read' ? ', metrics' : ''}, or all`,
      )
  }
  return [...new Set(out)]
}

export function parseRights(value: unknown): TokenRights {
  if (value === undefined) return { admin: false, read: 'all', write: [] }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new BadRequestError('rights: must be an object')
  const r = value as Record<string, unknown>
  for (const k of Object.keys(r)) if (!['admin', 'read', 'write'].includes(k)) throw new BadRequestError(`rights.${k}: unknown; use admin, read, write`)
  if (r.admin !== undefined && typeof r.admin !== 'boolean') throw new BadRequestError('rights.admin: must be true or false')
  return { admin: r.admin === true, read: scopeList(r.read, 'read'), write: scopeList(r.write, 'write') }
}

/** Admin API for tokens (`certmesh token …`). The secret appears once, in the create answer. */
export function tokenRoutes(tokens: TokenTable, now: () => number = Date.now): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()
  app.use('/tokens', requireAdmin())
  app.use('/tokens/*', requireAdmin())
  app.get('/tokens', (c) =>
    c.json({
      tokens: tokens.list().map((t) => ({
        name: t.name,
        rights: t.rights,
        created: new Date(t.createdAt).toISOString(),
        last_used: t.lastUsed === null ? null : new Date(t.lastUsed).toISOString(),
      })),
    }),
  )
  app.post('/tokens', async (c) => {
    const body = parseJsonObject(await c.req.text())
    if (typeof body.name !== 'string') throw new BadRequestError('name: required, a string')
    const created = createToken(tokens, body.name, parseRights(body.rights), now())
    return c.json(created, 201)
  })
  app.delete('/tokens/:name', (c) => {
    const name = c.req.param('name')
    if (!tokens.revoke(name, now())) throw new NotFoundError(`no active token named '${name}'`)
    return c.json({ revoked: name })
  })
  return app
}

import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { table } from '../util/table.js'

interface TokenRights {
  admin: boolean
  read: 'all' | string[]
  write: 'all' | string[]
}
interface TokenInfo {
  name: string
  rights: TokenRights
  created: string
  last_used: string | null
}

const scopes = (v: 'all' | string[]) => (v === 'all' ? 'all' : v.length === 0 ? '-' : v.join(','))

function scopeArg(v: unknown): 'all' | string[] | undefined {
  if (typeof v !== 'string') return undefined
  if (v === 'all') return 'all'
  return v.split(',').map((s) => s.trim()).filter(Boolean)
}

export const token: Command = {
  name: 'token',
  summary: 'Create, list and revoke API tokens for SIEMs, firewalls and analysts',
  usage: 'certmesh token create NAME [--read COLLECTIONS|all] [--write COLLECTIONS|all] [--admin] | token list [--json] | token revoke NAME',
  help: `Tokens are 256-bit random secrets; the node stores only their hash, so a token is
shown once, when it is created. Clients send it as "Authorization: Bearer <token>", or
as the password of HTTP Basic with any user name (for Microsoft Sentinel and others).

COLLECTIONS is a comma-separated list of TAXII collection aliases or ids: 'all'
(everything the node holds) and 'indicators' (active indicators); 'metrics' grants
GET /metrics. Feeds and lookups need read access to 'indicators'.

Subcommands:
  create NAME   --read defaults to all, --write to none; --admin grants everything,
                including peers and tokens
  list          names, rights, creation and last use (never the secrets)
  revoke NAME   the token stops working at once

Examples:
  certmesh token create sentinel --read indicators
  certmesh token create soar --read all --write indicators
  certmesh token revoke sentinel`,
  options: {
    read: { type: 'string' },
    write: { type: 'string' },
    admin: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [sub, name, ...rest] = args.positionals
    if (rest.length > 0) throw new UserError(`unexpected argument '${rest[0]}'`)
    const target = resolveTarget(args, io)
    if (sub === 'create') {
      if (!name) throw new UserError('give the token a NAME, e.g. `certmesh token create sentinel --read indicators`')
      const read = scopeArg(args.values.read)
      const write = scopeArg(args.values.write)
      const rights = { admin: args.values.admin === true, ...(read !== undefined && { read }), ...(write !== undefined && { write }) }
      const r = await callJson<{ name: string; token: string; rights: TokenRights }>(target, '/api/v1/tokens', { json: { name, rights } })
      if (args.values.json) io.stdout.write(JSON.stringify(r, null, 2) + '\n')
      else {
        io.stdout.write(`${r.token}\n`)
        io.stderr.write(`token '${r.name}' created (read ${scopes(r.rights.read)}, write ${scopes(r.rights.write)}${r.rights.admin ? ', admin' : ''}). It is shown only now: store it in the client's secret store.\n`)
      }
      return 0
    }
    if (sub === 'list') {
      const r = await callJson<{ tokens: TokenInfo[] }>(target, '/api/v1/tokens')
      if (args.values.json) io.stdout.write(JSON.stringify(r, null, 2) + '\n')
      else
        io.stdout.write(
          table(
            ['name', 'admin', 'read', 'write', 'created', 'last used'],
            r.tokens.map((t) => [t.name, t.rights.admin ? 'yes' : 'no', scopes(t.rights.read), scopes(t.rights.write), t.created, t.last_used ?? 'never']),
          ),
        )
      return 0
    }
    if (sub === 'revoke') {
      if (!name) throw new UserError('give the NAME of the token to revoke (see `certmesh token list`)')
      await callJson(target, `/api/v1/tokens/${encodeURIComponent(name)}`, { method: 'DELETE' })
      io.stdout.write(`revoked token '${name}'\n`)
      return 0
    }
    throw new UserError(sub ? `unknown subcommand 'token ${sub}': use create, list or revoke` : 'use `certmesh token create|list|revoke`')
  },
}

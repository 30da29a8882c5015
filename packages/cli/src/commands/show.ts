import type { ObjectVersions } from '@certmesh/node'
import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'

export const show: Command = {
  name: 'show',
  summary: 'Show every stored version of an object',
  usage: 'certmesh show ID [--json]',
  help: `Prints each version the node holds (oldest first): when it was modified and added,
whether it is valid or quarantined (equivocation), revoked, who signed it, where it came
from, and the object itself.

Options:
  --json   print the versions as JSON`,
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const [id, ...rest] = args.positionals
    if (id === undefined || rest.length > 0) throw new UserError('give exactly one object ID, e.g. indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')
    const r = await callJson<ObjectVersions>(resolveTarget(args, io), `/api/v1/objects/${encodeURIComponent(id)}`)
    if (args.values.json) {
      io.stdout.write(JSON.stringify(r, null, 2) + '\n')
      return 0
    }
    io.stdout.write(`${r.id}: ${r.versions.length} version${r.versions.length === 1 ? '' : 's'}\n`)
    for (const v of r.versions) {
      const flags = [v.status, v.revoked ? 'REVOKED' : '', v.verified ? 'signature verified' : 'unsigned'].filter(Boolean).join(', ')
      io.stdout.write(`\n--- modified ${v.modified} (added ${v.date_added}; ${flags}; from ${v.origin})\n`)
      io.stdout.write(JSON.stringify(v.object, null, 2) + '\n')
    }
    return 0
  },
}

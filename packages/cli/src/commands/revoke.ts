import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { printReport, type IngestReport } from '../util/report.js'

export const revoke: Command = {
  name: 'revoke',
  summary: 'Revoke an object this node created',
  usage: 'certmesh revoke ID [--reason R] [--json]',
  help: `Publishes a new, signed version of the object with "revoked": true. Revocation is final:
no later version can replace it, and it propagates to every peer and SIEM that had the
object, which then drop it from feeds and lookups. Only the creator can revoke.

Options:
  --reason R   why (kept in the node's log)
  --json       print the node's report as JSON`,
  options: { reason: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const [id, ...rest] = args.positionals
    if (id === undefined || rest.length > 0) throw new UserError('give exactly one object ID to revoke')
    const body = typeof args.values.reason === 'string' ? { reason: args.values.reason } : {}
    const report = await callJson<IngestReport>(resolveTarget(args, io), `/api/v1/objects/${encodeURIComponent(id)}/revoke`, { json: body })
    if (args.values.json) io.stdout.write(JSON.stringify(report, null, 2) + '\n')
    else if (report.summary.unchanged > 0) io.stdout.write(`${id} was already revoked; nothing changed\n`)
    else if (report.summary.created + report.summary.updated > 0) io.stdout.write(`revoked ${id}\n`)
    else printReport(io, 'revoke', report)
    return report.summary.rejected > 0 ? 1 : 0
  },
}

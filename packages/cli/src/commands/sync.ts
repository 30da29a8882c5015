import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { rejectedText, type PeerJson } from './peer.js'

interface SyncStatusJson {
  peer_id: string
  addresses: string[]
  head: number
  peers: PeerJson[]
}

export const sync: Command = {
  name: 'sync',
  summary: 'Show sync status per peer: cursor, lag, last sync, last error',
  usage: 'certmesh sync status [--json]',
  help: `Shows, for every trusted peer, how far this node has read the peer's log (the
cursor), how far behind it is (lag = the peer's last announced head − cursor), when it
last synced, and the last error.

Options:
  --json   print the status as JSON`,
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    const [sub] = args.positionals
    if (sub !== 'status') throw new UserError(`${sub === undefined ? 'name a subcommand' : `unknown subcommand '${sub}'`}: status`)
    const s = await callJson<SyncStatusJson>(resolveTarget(args, io), '/api/v1/sync/status')
    if (args.values.json) {
      io.stdout.write(JSON.stringify(s, null, 2) + '\n')
      return 0
    }
    const lines = [`peer id   ${s.peer_id}`, `listen    ${s.addresses.join(', ') || '(not listening)'}`, `log head  ${s.head}`, '']
    if (s.peers.length === 0) lines.push('No trusted peers.')
    for (const p of s.peers) {
      lines.push(
        `${p.peer_id}${p.name ? `  (${p.name})` : ''}  ${p.connected ? 'connected' : 'not connected'}${p.pulling ? ', pulling' : ''}`,
        `  cursor ${p.cursor}   peer head ${p.remote_head ?? 'unknown'}   lag ${p.lag ?? 'unknown'}`,
        `  last sync ${p.last_sync ?? 'never'}   received ${p.received}   rejected ${rejectedText(p.rejected)}`,
        ...(p.last_error ? [`  last error ${p.last_error} (${p.last_error_at})`] : []),
      )
    }
    io.stdout.write(lines.join('\n') + '\n')
    return 0
  },
}

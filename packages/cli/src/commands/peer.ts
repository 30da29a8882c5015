import { randomBytes } from 'node:crypto'
import type { Command, Io } from '../command.js'
import { call, callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'

/** A peer as GET /api/v1/peers returns it. */
export interface PeerJson {
  peer_id: string
  name: string | null
  multiaddrs: string[]
  amber: boolean
  added_at: string
  connected: boolean
  pulling: boolean
  cursor: number
  remote_head: number | null
  lag: number | null
  received: number
  sent: number
  rejected: Record<string, number>
  last_sync: string | null
  last_error: string | null
  last_error_at: string | null
}

export function rejectedText(r: Record<string, number>): string {
  const parts = Object.entries(r).map(([k, n]) => `${k} ${n}`)
  return parts.length === 0 ? '0' : parts.join(', ')
}

function printPeers(peers: PeerJson[], io: Io): void {
  if (peers.length === 0) {
    io.stdout.write('No trusted peers. Add one with `certmesh peer add PEER_ID MULTIADDR`.\n')
    return
  }
  for (const p of peers) {
    io.stdout.write(
      [
        `${p.peer_id}${p.name ? `  (${p.name})` : ''}`,
        `  address     ${p.multiaddrs.join(', ')}`,
        `  connected   ${p.connected ? 'yes' : 'no'}${p.amber ? '   may receive TLP:AMBER' : ''}`,
        `  last sync   ${p.last_sync ?? 'never'}`,
        `  received    ${p.received}   sent ${p.sent}   rejected ${rejectedText(p.rejected)}`,
        ...(p.last_error ? [`  last error  ${p.last_error} (${p.last_error_at})`] : []),
        '',
      ].join('\n'),
    )
  }
}

const NETWORK_KEY_HEADER = '/key/swarm/psk/1.0.0/\n/base16/\n'

export const peer: Command = {
  name: 'peer',
  summary: 'Manage trusted peers: add, list, remove; make a network key',
  usage: 'certmesh peer add PEER_ID MULTIADDR [--name N] [--amber] | peer list [--json] | peer remove PEER_ID | peer network-key',
  help: `Trusted peers are the only nodes this node connects to or accepts (an allowlist of
peer ids). Changes apply to the running node at once: an added peer is dialled, a
removed peer's connections are closed.

  peer add PEER_ID MULTIADDR   trust PEER_ID, reachable at MULTIADDR (e.g.
                               /ip4/192.0.2.10/tcp/4001). Adding a known peer again
                               updates its address, name and AMBER right.
      --name N                 a name to show for it
      --amber                  it may receive TLP:AMBER objects this node created
                               (granted to a known peer, it also gets those it
                               was refused before)
  peer list [--json]           trusted peers: connected?, last sync, objects received and
                               sent, rejected objects by reason
  peer remove PEER_ID          stop trusting PEER_ID and disconnect it
  peer network-key             print a new pre-shared network key; save it in a file on
                               every node and set [p2p] network_key_file to it

Examples:
  certmesh peer add 12D3KooW... /ip4/192.0.2.10/tcp/4001 --name "CERT Nord" --amber
  certmesh peer network-key > swarm.key`,
  options: {
    name: { type: 'string' },
    amber: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [sub, ...rest] = args.positionals
    switch (sub) {
      case 'add': {
        if (rest.length < 2) throw new UserError('usage: certmesh peer add PEER_ID MULTIADDR [--name N] [--amber]')
        const [peerId, ...multiaddrs] = rest
        const body = { peer_id: peerId, multiaddrs, ...(typeof args.values.name === 'string' && { name: args.values.name }), amber: args.values.amber === true }
        const r = await callJson<{ status: string; peer: PeerJson }>(resolveTarget(args, io), '/api/v1/peers', { json: body })
        if (args.values.json) io.stdout.write(JSON.stringify(r, null, 2) + '\n')
        else io.stdout.write(`${r.status === 'added' ? 'Added' : 'Updated'} peer ${r.peer.peer_id}${r.peer.name ? ` (${r.peer.name})` : ''}${r.peer.amber ? ', may receive TLP:AMBER' : ''}.\n`)
        return 0
      }
      case 'list': {
        const r = await callJson<{ peers: PeerJson[] }>(resolveTarget(args, io), '/api/v1/peers')
        if (args.values.json) io.stdout.write(JSON.stringify(r.peers, null, 2) + '\n')
        else printPeers(r.peers, io)
        return 0
      }
      case 'remove': {
        if (rest.length !== 1) throw new UserError('usage: certmesh peer remove PEER_ID')
        await call(resolveTarget(args, io), `/api/v1/peers/${encodeURIComponent(rest[0]!)}`, { method: 'DELETE' })
        io.stdout.write(`Removed peer ${rest[0]}; its connections are closed.\n`)
        return 0
      }
      case 'network-key':
        // The swarm-key format of libp2p private networks (docs/protocol.md §9.1).
        io.stdout.write(`${NETWORK_KEY_HEADER}${randomBytes(32).toString('hex')}\n`)
        return 0
      default:
        throw new UserError(`${sub === undefined ? 'name a subcommand' : `unknown subcommand '${sub}'`}: add, list, remove or network-key`)
    }
  },
}

import { hostname } from 'node:os'
import { initDataDir } from '@certmesh/node'
import { peerIdFromPublicKey, base64urlDecode } from '@certmesh/protocol'
import type { Command } from '../command.js'
import { dataDirFrom } from '../util/data-dir.js'

export function defaultOrganisationName(): string {
  return `certmesh node on ${hostname()}`
}

export const init: Command = {
  name: 'init',
  summary: 'Create a node: key, signed identity, config, database and admin token',
  usage: 'certmesh init [--data DIR] [--name ORG] [--http HOST:PORT] [--p2p MULTIADDR] [--json]',
  help: `Creates the data directory (default ./.certmesh) with:
  node.key       the Ed25519 key: the node's peer identity and signing key (mode 0600)
  certmesh.toml  the config, every default shown as a comment
  certmesh.db    the SQLite database, holding the organisation's signed STIX identity
  admin.token    an admin API token for the local CLI (mode 0600)
Refuses a directory that already holds a node.

Options:
  --name ORG          the organisation's name in its STIX identity (default: certmesh node on <hostname>)
  --http HOST:PORT    where the HTTP API listens (default 127.0.0.1:8080)
  --p2p MULTIADDR     libp2p listen address for sync (default /ip4/0.0.0.0/tcp/4001)
  --json              print the result as JSON`,
  options: {
    name: { type: 'string' },
    http: { type: 'string' },
    p2p: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const dataDir = dataDirFrom(args, io)
    const name = typeof args.values.name === 'string' ? args.values.name : defaultOrganisationName()
    const r = initDataDir({
      dataDir,
      name,
      ...(typeof args.values.http === 'string' && { http: args.values.http }),
      ...(typeof args.values.p2p === 'string' && { p2p: args.values.p2p }),
    })
    const peerId = peerIdFromPublicKey(base64urlDecode(r.publicKey))
    if (args.values.json) {
      io.stdout.write(JSON.stringify({ data_dir: r.dataDir, name, identity_id: r.identityId, public_key: r.publicKey, peer_id: peerId, config: r.configFile }, null, 2) + '\n')
      return 0
    }
    io.stdout.write(
      [
        `Created a certmesh node in ${r.dataDir}`,
        `  organisation  ${name}`,
        `  identity      ${r.identityId}`,
        `  peer id       ${peerId}`,
        `  config        ${r.configFile}`,
        `  admin token   ${r.dataDir}/admin.token (used by the CLI on this machine)`,
        '',
        `Start it with: certmesh start --data ${r.dataDir}`,
        '',
      ].join('\n'),
    )
    return 0
  },
}

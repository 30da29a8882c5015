import { CertmeshNode, type NodeInfo } from '@certmesh/node'
import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { dataDirFrom } from '../util/data-dir.js'

export const id: Command = {
  name: 'id',
  summary: "Show the node's peer id, public key, identity and addresses",
  usage: 'certmesh id [--data DIR | --url URL] [--json]',
  help: `Asks the running node who it is. When the node is not running, reads the same facts
from its data directory instead (and says so).

Options:
  --json   print the result as JSON`,
  options: { json: { type: 'boolean' } },
  async run(args, io) {
    let info: NodeInfo & { running?: boolean }
    try {
      info = { ...(await callJson<NodeInfo>(resolveTarget(args, io), '/api/v1/node')), running: true }
    } catch (err) {
      if (!(err instanceof UserError) || !/no certmesh node is running/.test(err.message) || typeof args.values.url === 'string') throw err
      const node = await CertmeshNode.open(dataDirFrom(args, io))
      try {
        info = { ...node.info(), running: false }
      } finally {
        await node.stop()
      }
    }
    if (args.values.json) {
      io.stdout.write(JSON.stringify(info, null, 2) + '\n')
      return 0
    }
    io.stdout.write(
      [
        `organisation  ${info.name}${info.running ? '' : '   (node not running: read from its data directory)'}`,
        `peer id       ${info.peer_id}`,
        `public key    ${info.public_key}`,
        `identity      ${info.identity_id}`,
        `http          ${info.http}`,
        `p2p           ${info.p2p.join(', ')}`,
        `objects       ${info.objects}`,
        `version       ${info.version}`,
        '',
      ].join('\n'),
    )
    return 0
  },
}

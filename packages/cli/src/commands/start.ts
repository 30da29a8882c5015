import { CertmeshNode, configureLogging, initDataDir, isInitialised, isLogLevel, tuneHeapForNode } from '@certmesh/node'
import type { Command } from '../command.js'
import { UserError } from '../errors.js'
import { dataDirFrom } from '../util/data-dir.js'
import { defaultOrganisationName } from './init.js'

export const start: Command = {
  name: 'start',
  summary: 'Run the node in the foreground (initialising the data directory if it is empty)',
  usage: 'certmesh start [--data DIR] [--log-level debug|info|warn|error]',
  help: `Runs the node until SIGINT (Ctrl-C) or SIGTERM, then shuts down cleanly.
Logs are JSON lines on standard error. With no node in the data directory, one is
created first on the embedded defaults (as \`certmesh init\` would).

Options:
  --log-level LEVEL   debug, info (default), warn or error; also $CERTMESH_LOG_LEVEL`,
  options: {
    'log-level': { type: 'string' },
  },
  async run(args, io) {
    const level = (args.values['log-level'] as string | undefined) ?? io.env.CERTMESH_LOG_LEVEL ?? 'info'
    if (!isLogLevel(level)) throw new UserError(`--log-level: '${level}' is not one of debug, info, warn, error, silent`)
    configureLogging({ level })
    // This process is the daemon: its memory profile is the node's (packages/node/src/heap.ts).
    tuneHeapForNode()
    const dataDir = dataDirFrom(args, io)
    if (!isInitialised(dataDir)) {
      const r = initDataDir({ dataDir, name: defaultOrganisationName() })
      io.stdout.write(`No node in ${r.dataDir}: created one (identity ${r.identityId}). Edit ${r.configFile} to change its settings.\n`)
    }
    const node = await CertmeshNode.open(dataDir)
    try {
      await node.start()
    } catch (err) {
      await node.stop()
      throw err
    }
    const info = node.info()
    io.stdout.write(`certmesh node '${info.name}' is running: HTTP API ${info.http}, peer id ${info.peer_id}. Ctrl-C stops it.\n`)
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop)
        process.off('SIGTERM', stop)
        resolve()
      }
      process.on('SIGINT', stop)
      process.on('SIGTERM', stop)
    })
    io.stdout.write('stopping...\n')
    await node.stop()
    return 0
  },
}

#!/usr/bin/env node
// The certmesh command. The workspace runs from its TypeScript sources; tsx compiles
// them on load so that a fresh clone needs no build step.
import { register } from 'tsx/esm/api'

// `certmesh export | head`: a reader that goes away is not an error of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw err
  })
}

register()
const { configureLogging } = await import('@certmesh/node')
// Commands other than `start` log only warnings; `start` raises the level itself.
configureLogging({ level: 'warn' })
const { main } = await import('../src/main.ts')
process.exitCode = await main(process.argv.slice(2))

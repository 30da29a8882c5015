#!/usr/bin/env node
// The certmesh command. The workspace runs from its TypeScript sources; tsx compiles
// them on load so that a fresh clone needs no build step.
import { register } from 'tsx/esm/api'

register()
const { configureLogging } = await import('@certmesh/node')
// Commands other than `start` log only warnings; `start` raises the level itself.
configureLogging({ level: 'warn' })
const { main } = await import('../src/main.ts')
process.exitCode = await main(process.argv.slice(2))

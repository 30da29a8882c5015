import type { Command } from '../command.js'

/** Every command, loaded lazily so that `certmesh --help` stays fast. */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {}

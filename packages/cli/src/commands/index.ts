import type { Command } from '../command.js'

/** Every command, loaded lazily so that `certmesh --help` stays fast. */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: {
    summary: 'Validate STIX objects or bundles, their patterns and signatures',
    load: async () => (await import('./validate.js')).validate,
  },
}

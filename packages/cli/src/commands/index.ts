import type { Command } from '../command.js'

/** Every command, loaded lazily so that `certmesh --help` stays fast. */
export const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  init: {
    summary: 'Create a node: key, signed identity, config, database and admin token',
    load: async () => (await import('./init.js')).init,
  },
  start: {
    summary: 'Run the node in the foreground (creating one if the data directory is empty)',
    load: async () => (await import('./start.js')).start,
  },
  id: {
    summary: "Show the node's peer id, public key, identity and addresses",
    load: async () => (await import('./id.js')).id,
  },
  add: {
    summary: 'Add one indicator, signed by this node',
    load: async () => (await import('./add.js')).add,
  },
  import: {
    summary: 'Import STIX bundles, MISP events, CSV files or plain IOC lists',
    load: async () => (await import('./import.js')).importCommand,
  },
  lookup: {
    summary: 'Look values up: which active indicators match, from whom, with what TLP',
    load: async () => (await import('./lookup.js')).lookup,
  },
  show: {
    summary: 'Show every stored version of an object',
    load: async () => (await import('./show.js')).show,
  },
  revoke: {
    summary: 'Revoke an object this node created',
    load: async () => (await import('./revoke.js')).revoke,
  },
  export: {
    summary: 'Export indicators as a STIX bundle, CSV or a plain list',
    load: async () => (await import('./export.js')).exportCommand,
  },
  peer: {
    summary: 'Manage trusted peers: add, list, remove; make a network key',
    load: async () => (await import('./peer.js')).peer,
  },
  sync: {
    summary: 'Show sync status per peer: cursor, lag, last sync, last error',
    load: async () => (await import('./sync.js')).sync,
  },
  token: {
    summary: 'Create, list and revoke API tokens for SIEMs, firewalls and analysts',
    load: async () => (await import('./token.js')).token,
  },
  validate: {
    summary: 'Validate STIX objects or bundles, their patterns and signatures',
    load: async () => (await import('./validate.js')).validate,
  },
}

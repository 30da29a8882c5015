export { main, runCommand } from './run.js'
export { UserError } from './errors.js'
export type { Command, Io } from './command.js'

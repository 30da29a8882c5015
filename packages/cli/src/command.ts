import type { ParseArgsConfig } from 'node:util'

export type Options = NonNullable<ParseArgsConfig['options']>

/** Input and output of one command run; tests pass their own streams. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  stdin: NodeJS.ReadableStream
  env: NodeJS.ProcessEnv
  cwd: string
}

export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | undefined>
  positionals: string[]
}

export interface Command {
  name: string
  summary: string
  usage: string
  /** Longer help text printed by `certmesh help NAME` and `NAME --help`. */
  help: string
  options: Options
  run(args: ParsedArgs, io: Io): Promise<number>
}

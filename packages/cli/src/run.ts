import { parseArgs } from 'node:util'
import type { Command, Io } from './command.js'
import { commands } from './commands/index.js'
import { UserError } from './errors.js'

/** Options every command accepts, before or after the command name. */
export const globalOptions = {
  help: { type: 'boolean', short: 'h' },
  data: { type: 'string' },
  url: { type: 'string' },
  token: { type: 'string' },
} as const

/**
 * Errors from the node library whose message already says what went wrong and what to
 * do (a bad config, a port in use, a missing key): shown without a stack trace.
 */
const USER_FACING = new Set([
  'ConfigError',
  'ListenError',
  'KeyFileError',
  'NodeNotInitialisedError',
  'StoreError',
  'StoreDurabilityError',
  'StoreSchemaTooNewError',
  'StoreSchemaOutdatedError',
  'BadRequestError',
  'ConflictError',
  'NotFoundError',
  'ForbiddenError',
])

function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() }
}

function topHelp(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length))
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  return [
    'certmesh — federated threat-intelligence sharing for CERTs',
    '',
    'Usage: certmesh <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Global options:',
    '  --data DIR     the node\'s data directory (default: $CERTMESH_DATA or ./.certmesh)',
    '  --url URL      talk to the node at URL instead (default: $CERTMESH_URL, or the',
    '                 address in the data directory\'s config)',
    '  --token TOKEN  API token (default: $CERTMESH_TOKEN, or the data directory\'s admin token)',
    '  -h, --help     show help for certmesh or for a command',
    '',
    'Run `certmesh <command> --help` for the options of one command.',
    '',
  ].join('\n')
}

export function commandHelp(cmd: Command): string {
  return `Usage: ${cmd.usage}\n\n${cmd.summary}.\n\n${cmd.help.trimEnd()}\n`
}

/** Finds the command name: the first argument that is not an option (or an option's value). */
function splitCommand(argv: string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--data' || a === '--url' || a === '--token') {
      i++
      continue
    }
    if (a.startsWith('-')) continue
    return { name: a, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] }
  }
  return { name: undefined, rest: argv }
}

export async function runCommand(cmd: Command, argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...globalOptions, ...cmd.options },
      allowPositionals: true,
      strict: true,
    })
  } catch (err) {
    throw new UserError(`${(err as Error).message}\nRun \`certmesh ${cmd.name} --help\` for usage.`)
  }
  if (parsed.values.help) {
    io.stdout.write(commandHelp(cmd))
    return 0
  }
  return cmd.run(parsed as never, io)
}

/** The CLI entry: returns the exit code. All errors become output here and nowhere else. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  try {
    const { name, rest } = splitCommand(argv)
    if (name === undefined || name === 'help') {
      const target = name === 'help' ? splitCommand(rest).name : undefined
      if (target !== undefined) {
        const entry = commands[target]
        if (!entry) throw new UserError(`unknown command '${target}'. Run \`certmesh --help\` for the list of commands.`)
        io.stdout.write(commandHelp(await entry.load()))
        return 0
      }
      if (argv.includes('--version') || argv.includes('-v')) {
        io.stdout.write('certmesh 0.1.0\n')
        return 0
      }
      io.stdout.write(topHelp())
      return 0
    }
    const entry = commands[name]
    if (!entry) throw new UserError(`unknown command '${name}'. Run \`certmesh --help\` for the list of commands.`)
    return await runCommand(await entry.load(), rest, io)
  } catch (err) {
    if (err instanceof UserError) {
      io.stderr.write(`certmesh: ${err.message}\n`)
      return err.exitCode
    }
    if (err instanceof Error && USER_FACING.has(err.name)) {
      io.stderr.write(`certmesh: ${err.message}\n`)
      return 1
    }
    const e = err as Error
    io.stderr.write(`certmesh: unexpected error: ${e?.stack ?? String(err)}\n`)
    return 70
  }
}

import { resolve } from 'node:path'
import { DEFAULT_DATA_DIR } from '@certmesh/node'
import type { Io, ParsedArgs } from '../command.js'

/** `--data DIR`, else CERTMESH_DATA, else ./.certmesh in the current directory. */
export function dataDirFrom(args: ParsedArgs, io: Io): string {
  const given = args.values.data
  if (typeof given === 'string' && given.length > 0) return resolve(io.cwd, given)
  if (io.env.CERTMESH_DATA) return resolve(io.cwd, io.env.CERTMESH_DATA)
  return resolve(io.cwd, DEFAULT_DATA_DIR)
}

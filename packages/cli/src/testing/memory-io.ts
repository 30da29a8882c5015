import { Readable, Writable } from 'node:stream'
import type { Io } from '../command.js'

export interface MemoryIo extends Io {
  out(): string
  err(): string
}

/** An Io whose streams are strings, for running commands inside tests. */
export function memoryIo(stdin = '', env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): MemoryIo {
  let out = ''
  let err = ''
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _enc, cb) {
        append(String(chunk))
        cb()
      },
    })
  return {
    stdout: sink((s) => (out += s)),
    stderr: sink((s) => (err += s)),
    stdin: Readable.from([Buffer.from(stdin)]),
    env,
    cwd,
    out: () => out,
    err: () => err,
  }
}

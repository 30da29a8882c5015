import { readFile } from 'node:fs/promises'
import { UserError } from '../errors.js'

/** Largest file a command reads into memory (the node's own input limit is the same). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024

async function readStream(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > MAX_INPUT_BYTES) throw new UserError(`standard input is larger than ${MAX_INPUT_BYTES} bytes`)
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

/** Reads a file (or `-` for standard input) as UTF-8, with a friendly error for each failure. */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<string> {
  let bytes: Buffer
  if (path === '-') bytes = await readStream(stdin)
  else {
    try {
      bytes = await readFile(path)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') throw new UserError(`${path}: no such file`)
      if (code === 'EISDIR') throw new UserError(`${path}: is a directory; name the files inside it`)
      if (code === 'EACCES') throw new UserError(`${path}: permission denied`)
      throw new UserError(`${path}: cannot read: ${(err as Error).message}`)
    }
    if (bytes.length > MAX_INPUT_BYTES) throw new UserError(`${path}: larger than ${MAX_INPUT_BYTES} bytes; split it`)
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes)
}

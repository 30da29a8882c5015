import { randomBytes } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'

/**
 * The node's one key (DESIGN.md invariant 2): a 32-byte Ed25519 seed that is both the
 * libp2p peer identity and the signing key. Stored as one line of base64url in a file
 * only its owner may read, like an SSH private key.
 */
export class KeyFileError extends Error {
  override readonly name = 'KeyFileError'
}

const PREFIX = 'certmesh-ed25519-seed:'

export function generateSeed(): Uint8Array {
  return new Uint8Array(randomBytes(32))
}

/** Writes a new key file; never overwrites one (flag `wx`). */
export function writeKeyFile(path: string, seed: Uint8Array): void {
  if (seed.length !== 32) throw new KeyFileError('an Ed25519 seed is 32 bytes')
  try {
    writeFileSync(path, `${PREFIX}${Buffer.from(seed).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new KeyFileError(`${path} already exists; refusing to overwrite a node key`)
    throw new KeyFileError(`cannot write ${path}: ${(err as Error).message}`)
  }
}

export function readKeyFile(path: string): Uint8Array {
  let text: string
  try {
    const st = statSync(path)
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      throw new KeyFileError(
        `${path} can be read by other users (mode ${(st.mode & 0o777).toString(8)}); run \`chmod 600 ${path}\``,
      )
    }
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if (err instanceof KeyFileError) throw err
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new KeyFileError(`no key file at ${path}; run \`certmesh init\` first`)
    throw new KeyFileError(`cannot read ${path}: ${(err as Error).message}`)
  }
  const line = text.trim()
  const b64 = line.startsWith(PREFIX) ? line.slice(PREFIX.length) : ''
  const seed = /^[A-Za-z0-9_-]{43}$/.test(b64) ? Buffer.from(b64, 'base64url') : undefined
  if (!seed || seed.length !== 32) throw new KeyFileError(`${path} is not a certmesh key file (expected '${PREFIX}<43 base64url characters>')`)
  return new Uint8Array(seed)
}

/**
 * The optional pre-shared network key (libp2p private networks, @libp2p/pnet): a second
 * fence next to the allowlist (DESIGN.md invariant 6). The file uses the swarm-key format
 * shared by go-libp2p and js-libp2p:
 *
 *     /key/swarm/psk/1.0.0/
 *     /base16/
 *     <64 hex digits>
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { NetworkKeyError } from './errors.js'

const HEADER = '/key/swarm/psk/1.0.0/'

/** Reads and checks a swarm key file; returns the exact bytes @libp2p/pnet expects. */
export function readNetworkKey(file: string): Uint8Array {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new NetworkKeyError(`cannot read the network key file ${file}: ${(err as Error).message}`)
  }
  return parseNetworkKey(text, file)
}

export function parseNetworkKey(text: string, where = 'network key'): Uint8Array {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '')
  if (lines[0] !== HEADER || lines[1] !== '/base16/' || lines.length !== 3 || !/^[0-9a-fA-F]{64}$/.test(lines[2] ?? ''))
    throw new NetworkKeyError(`${where}: expected three lines '${HEADER}', '/base16/' and 64 hex digits; make one with \`certmesh peer network-key\``)
  return new TextEncoder().encode(`${HEADER}\n/base16/\n${lines[2]!.toLowerCase()}`)
}

/** A new random key in the file format (32 bytes from the OS CSPRNG). */
export function generateNetworkKey(): string {
  return `${HEADER}\n/base16/\n${randomBytes(32).toString('hex')}\n`
}

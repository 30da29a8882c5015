import { StoreInputError } from './errors.js'

export type IpVersion = 4 | 6

/** Address length in bytes per IP version (RFC 791, RFC 8200). */
export function addressLength(version: IpVersion): number {
  return version === 4 ? 4 : 16
}

export function checkAddress(version: number, bytes: Uint8Array, where: string): asserts version is IpVersion {
  if (version !== 4 && version !== 6) throw new StoreInputError(`${where}: IP version must be 4 or 6, got ${version}`)
  const len = addressLength(version)
  if (bytes.length !== len) {
    throw new StoreInputError(`${where}: an IPv${version} address has ${len} bytes, got ${bytes.length}`)
  }
}

export function checkPrefix(version: IpVersion, prefix: number, where: string): void {
  const max = addressLength(version) * 8
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) {
    throw new StoreInputError(`${where}: an IPv${version} prefix length must be an integer 0-${max}, got ${prefix}`)
  }
}

/**
 * The network of `bytes` at `prefix` bits (host bits zeroed), as a Buffer ready to bind.
 * Both sides of the containment lookup go through here, so a stored network and a looked-up
 * address meet in the same canonical form even if the caller left host bits set.
 */
export function networkOf(bytes: Uint8Array, prefix: number): Buffer {
  const out = Buffer.alloc(bytes.length)
  const whole = prefix >> 3
  for (let i = 0; i < whole; i++) out[i] = bytes[i] ?? 0
  const rest = prefix & 7
  if (rest !== 0 && whole < bytes.length) out[whole] = (bytes[whole] ?? 0) & (0xff << (8 - rest)) & 0xff
  return out
}

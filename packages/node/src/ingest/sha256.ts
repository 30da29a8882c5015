import { hash } from 'node:crypto'

/**
 * Lower-case hex SHA-256 of the UTF-8 text, the store's `hash` of an object's JSON; the
 * one-shot crypto.hash allocates no Hash object. In a file of its own so that the sync
 * verify worker can hash without loading the ingest pipeline.
 */
export function sha256Hex(text: string): string {
  return hash('sha256', text, 'hex')
}

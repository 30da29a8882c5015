import { hash } from 'node:crypto'

/**
 * The store's short lookup hash: the first 48 bits of SHA-256 of the UTF-8 text, as a
 * non-negative safe integer. Object ids and observable keys are indexed by this number
 * instead of by their text (migration 004): a random insert into an index of 8-byte
 * integers touches far fewer pages than one into an index of 30–100-byte strings, and
 * random index pages, each rewritten to the WAL at every commit, were most of the cost of
 * a bulk write. The hash only narrows the search: every query also compares the full
 * text, so a collision (expected around 16 million distinct values, or forged) costs an
 * extra row read and never a wrong answer.
 */
export function hash48(text: string): number {
  // One-shot crypto.hash and 12 hex digits: ~0.8 µs against ~3 µs for createHash().digest(),
  // and no Hash object for the GC (this runs two or three times per stored object).
  return Number.parseInt(hash('sha256', text, 'hex').slice(0, 12), 16)
}

/** Name of the SQL function migration 004 registers to fill the hash columns of existing rows. */
export const HASH48_SQL_FUNCTION = 'certmesh_hash48'

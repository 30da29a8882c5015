import { TAXII_PREFIX } from '../constants.js'

/**
 * TAXII 2.1 writes every URL with a trailing slash (§4–§5); clients that drop it get the
 * same resource rather than a 404. Returns the full path as the spec writes it, then
 * without the slash. Paths are absolute (the sub-app is mounted at '/'), because hono
 * merges a mount prefix with '/' into the prefix alone, losing discovery's `/taxii2/`.
 */
export function paths(specPath: string): [string, string] {
  const full = `${TAXII_PREFIX}${specPath}`
  return [full, full.replace(/\/$/, '')]
}

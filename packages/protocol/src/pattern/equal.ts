/**
 * Structural equality of AST nodes: same shape and values, source offsets ignored.
 * This is the equality under which `parsePattern(printPattern(p))` equals `p`.
 */

export function astEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => astEqual(x, b[i]))
  }
  const ka = Object.keys(a).filter((k) => k !== 'offset')
  const kb = Object.keys(b).filter((k) => k !== 'offset')
  if (ka.length !== kb.length) return false
  const ra = a as Record<string, unknown>
  const rb = b as Record<string, unknown>
  return ka.every((k) => Object.hasOwn(rb, k) && astEqual(ra[k], rb[k]))
}

/** A copy of an AST value with every `offset` property removed (for test diffs). */
export function withoutOffsets<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutOffsets) as T
  if (typeof node !== 'object' || node === null) return node
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(node)) if (k !== 'offset') out[k] = withoutOffsets(v)
  return out as T
}

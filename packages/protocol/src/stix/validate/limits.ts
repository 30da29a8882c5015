/**
 * Structural guard run before any rule, so a hostile object (deep nesting, huge strings,
 * millions of keys) is rejected with a precise issue instead of costing time or memory.
 * Iterative, so depth cannot overflow the call stack.
 */
import { DEFAULT_LIMITS, type IssueCollector, type ValidationLimits, isPlainObject, joinPath } from './issue.js'

export function resolveLimits(partial?: Partial<ValidationLimits>): ValidationLimits {
  return { ...DEFAULT_LIMITS, ...partial }
}

/** Deepest maxDepth the recursive pre-scan accepts; larger limits go straight to the walk. */
const MAX_SCAN_DEPTH = 256

/**
 * True when the value is certainly within every limit. Recursion depth is bounded by
 * maxDepth (a container at maxDepth is a breach), and no paths or messages are built.
 * Returns the running node count, or -1 at the first breach.
 */
function scan(value: unknown, depth: number, nodes: number, limits: ValidationLimits): number {
  nodes += 1
  if (nodes > limits.maxNodes) return -1
  if (typeof value === 'string') return value.length > limits.maxStringLength ? -1 : nodes
  if (typeof value !== 'object' || value === null) return nodes
  if (depth >= limits.maxDepth) return -1
  if (Array.isArray(value)) {
    if (value.length > limits.maxArrayLength) return -1
    for (let i = 0; i < value.length; i++) {
      nodes = scan(value[i], depth + 1, nodes, limits)
      if (nodes < 0) return -1
    }
    return nodes
  }
  const keys = Object.keys(value)
  if (keys.length > limits.maxProperties) return -1
  for (const key of keys) {
    if (key.length > limits.maxStringLength) return -1
    nodes = scan((value as Record<string, unknown>)[key], depth + 1, nodes, limits)
    if (nodes < 0) return -1
  }
  return nodes
}

/** Reports the first breach of each kind; returns false when the object exceeds any limit. */
export function checkLimits(root: unknown, limits: ValidationLimits, out: IssueCollector): boolean {
  // Common case: nothing is breached, so the precise walk below has nothing to report.
  if (limits.maxDepth <= MAX_SCAN_DEPTH && scan(root, 0, 0, limits) >= 0) return true
  return walk(root, limits, out)
}

function walk(root: unknown, limits: ValidationLimits, out: IssueCollector): boolean {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }]
  const reported = new Set<string>()
  let nodes = 0
  const breach = (rule: string, path: string, detail: string): void => {
    if (reported.has(rule)) return
    reported.add(rule)
    out.add(path, rule, detail)
  }
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop() as { value: unknown; path: string; depth: number }
    nodes += 1
    if (nodes > limits.maxNodes) {
      breach('limit-nodes', '', `object has more than ${limits.maxNodes} JSON values`)
      break
    }
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) {
        breach('limit-string-length', path, `string of ${value.length} characters exceeds the limit of ${limits.maxStringLength}`)
      }
      continue
    }
    if (typeof value !== 'object' || value === null) continue
    if (depth >= limits.maxDepth) {
      breach('limit-depth', path, `nesting deeper than ${limits.maxDepth} levels`)
      continue
    }
    if (Array.isArray(value)) {
      if (value.length > limits.maxArrayLength) {
        breach('limit-array-length', path, `array of ${value.length} items exceeds the limit of ${limits.maxArrayLength}`)
        continue
      }
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: joinPath(path, i), depth: depth + 1 })
      continue
    }
    if (!isPlainObject(value)) continue
    const keys = Object.keys(value)
    if (keys.length > limits.maxProperties) {
      breach('limit-properties', path, `${keys.length} properties exceed the limit of ${limits.maxProperties}`)
      continue
    }
    for (const key of keys) {
      if (key.length > limits.maxStringLength) {
        breach('limit-string-length', path, `a property name of ${key.length} characters exceeds the limit of ${limits.maxStringLength}`)
        continue
      }
      stack.push({ value: value[key], path: joinPath(path, key), depth: depth + 1 })
    }
  }
  return reported.size === 0
}

/**
 * Structural guard run before any rule, so a hostile object (deep nesting, huge strings,
 * millions of keys) is rejected with a precise issue instead of costing time or memory.
 * Iterative, so depth cannot overflow the call stack.
 */
import { DEFAULT_LIMITS, type IssueCollector, type ValidationLimits, isPlainObject, joinPath } from './issue.js'

export function resolveLimits(partial?: Partial<ValidationLimits>): ValidationLimits {
  return { ...DEFAULT_LIMITS, ...partial }
}

/** Reports the first breach of each kind; returns false when the object exceeds any limit. */
export function checkLimits(root: unknown, limits: ValidationLimits, out: IssueCollector): boolean {
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

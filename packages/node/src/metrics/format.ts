/**
 * Prometheus text exposition format 0.0.4
 * (prometheus.io/docs/instrumenting/exposition_formats/#text-based-format).
 */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8'

export type Labels = Readonly<Record<string, string>>

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/

export class MetricsError extends Error {
  override readonly name = 'MetricsError'
}

export function checkMetricName(name: string): void {
  if (!METRIC_NAME.test(name)) throw new MetricsError(`metric name '${name}' must match ${METRIC_NAME.source}`)
}

export function checkLabelNames(metric: string, names: readonly string[]): void {
  for (const n of names) {
    // Names starting with __ are reserved for Prometheus itself.
    if (!LABEL_NAME.test(n) || n.startsWith('__')) throw new MetricsError(`${metric}: label name '${n}' is not allowed`)
  }
  if (new Set(names).size !== names.length) throw new MetricsError(`${metric}: label names repeat`)
}

/** HELP text escapes backslash and line feed; label values also escape the double quote. */
export function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')
}

export function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
}

export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN'
  if (v === Infinity) return '+Inf'
  if (v === -Infinity) return '-Inf'
  return String(v)
}

/** `{a="1",b="2"}` in the declared label order, or '' without labels. */
export function formatLabels(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const parts = names.map((n, i) => `${n}="${escapeLabelValue(values[i] ?? '')}"`)
  if (extra) parts.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`)
  return parts.length === 0 ? '' : `{${parts.join(',')}}`
}

export function header(name: string, help: string, type: 'counter' | 'gauge' | 'histogram'): string {
  return `# HELP ${name} ${escapeHelp(help)}\n# TYPE ${name} ${type}\n`
}

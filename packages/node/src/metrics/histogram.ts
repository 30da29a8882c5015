import { formatLabels, formatValue, header, MetricsError } from './format.js'
import { Metric, type MetricOptions } from './metric.js'
import type { Labels } from './format.js'

/** Seconds; the client libraries' default buckets, good for HTTP latencies. */
export const DEFAULT_BUCKETS: readonly number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

export interface HistogramOptions extends MetricOptions {
  readonly buckets?: readonly number[]
}

interface State {
  counts: number[]
  sum: number
  count: number
}

/** Fixed upper bounds; exposed cumulatively with `le` and a final `+Inf`, then _sum and _count. */
export class Histogram extends Metric<State> {
  readonly type = 'histogram'
  readonly buckets: readonly number[]

  constructor(o: HistogramOptions) {
    super(o)
    if (this.labelNames.includes('le')) throw new MetricsError(`${o.name}: 'le' is reserved for histogram buckets`)
    const b = [...(o.buckets ?? DEFAULT_BUCKETS)]
    if (b.length === 0 || b.some((x, i) => !Number.isFinite(x) || (i > 0 && x <= b[i - 1]!)))
      throw new MetricsError(`${o.name}: buckets must be finite and strictly increasing`)
    this.buckets = b
  }

  protected initial(): State {
    return { counts: new Array<number>(this.buckets.length).fill(0), sum: 0, count: 0 }
  }

  observe(labels: Labels | undefined, v: number): void {
    const s = this.at(labels)
    const i = this.buckets.findIndex((b) => v <= b)
    if (i >= 0) s.counts[i]! += 1
    s.sum += v
    s.count += 1
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram')
    for (const { values, state } of this.series.values()) {
      let cumulative = 0
      this.buckets.forEach((b, i) => {
        cumulative += state.counts[i]!
        out += `${this.name}_bucket${formatLabels(this.labelNames, values, ['le', formatValue(b)])} ${cumulative}\n`
      })
      out += `${this.name}_bucket${formatLabels(this.labelNames, values, ['le', '+Inf'])} ${state.count}\n`
      out += `${this.name}_sum${formatLabels(this.labelNames, values)} ${formatValue(state.sum)}\n`
      out += `${this.name}_count${formatLabels(this.labelNames, values)} ${state.count}\n`
    }
    return out
  }
}

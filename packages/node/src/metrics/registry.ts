import { MetricsError } from './format.js'
import { Histogram, type HistogramOptions } from './histogram.js'
import { Counter, Gauge, type GaugeOptions, type Metric, type MetricOptions } from './metric.js'

/**
 * A node's metrics, rendered for GET /metrics. Components register what they count
 * (the HTTP layer, the store collector, the ingest pipeline, the sync service) on the
 * node's one registry (node-registry.ts). Registering the same name again with the same
 * kind and labels returns the existing metric, so a component may be built twice.
 */
export class MetricsRegistry {
  readonly #metrics = new Map<string, Metric<unknown>>()
  readonly #collectors: (() => void)[] = []

  counter(o: MetricOptions): Counter {
    return this.#add(o, 'counter', () => new Counter(o))
  }

  gauge(o: GaugeOptions): Gauge {
    return this.#add(o, 'gauge', () => new Gauge(o))
  }

  histogram(o: HistogramOptions): Histogram {
    return this.#add(o, 'histogram', () => new Histogram(o))
  }

  get(name: string): Metric<unknown> | undefined {
    return this.#metrics.get(name)
  }

  /** Runs before every render, e.g. to read several gauges from one store query. */
  onCollect(fn: () => void): void {
    this.#collectors.push(fn)
  }

  /** Every metric in registration order, in text format 0.0.4. */
  render(): string {
    for (const fn of this.#collectors) fn()
    let out = ''
    for (const m of this.#metrics.values()) out += m.render()
    return out
  }

  #add<M extends Metric<unknown>>(o: MetricOptions, type: M['type'], make: () => M): M {
    const known = this.#metrics.get(o.name)
    if (known !== undefined) {
      const same = known.type === type && known.labelNames.join(',') === (o.labelNames ?? []).join(',')
      if (!same) throw new MetricsError(`metric '${o.name}' is already registered as a ${known.type} with labels {${known.labelNames.join(', ')}}`)
      return known as M
    }
    const m = make()
    this.#metrics.set(o.name, m as Metric<unknown>)
    return m
  }
}

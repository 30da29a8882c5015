import { checkLabelNames, checkMetricName, formatLabels, formatValue, header, MetricsError, type Labels } from './format.js'

export interface MetricOptions {
  readonly name: string
  readonly help: string
  readonly labelNames?: readonly string[]
}

/** What every metric kind shares: a name, help, fixed label names, and series keyed by label values. */
export abstract class Metric<S> {
  readonly name: string
  readonly help: string
  readonly labelNames: readonly string[]
  protected readonly series = new Map<string, { values: string[]; state: S }>()
  abstract readonly type: 'counter' | 'gauge' | 'histogram'

  constructor(o: MetricOptions) {
    checkMetricName(o.name)
    this.name = o.name
    this.help = o.help
    this.labelNames = [...(o.labelNames ?? [])]
    checkLabelNames(o.name, this.labelNames)
  }

  protected abstract initial(): S

  /** The series for these labels; every declared label must be given, and no other. */
  protected at(labels: Labels = {}): S {
    const keys = Object.keys(labels)
    if (keys.length !== this.labelNames.length || keys.some((k) => !this.labelNames.includes(k)))
      throw new MetricsError(`${this.name}: labels must be exactly {${this.labelNames.join(', ')}}, got {${keys.join(', ')}}`)
    const values = this.labelNames.map((n) => String(labels[n]))
    const key = values.join('\u0000')
    let s = this.series.get(key)
    if (s === undefined) this.series.set(key, (s = { values, state: this.initial() }))
    return s.state
  }

  abstract render(): string
}

abstract class ValueMetric extends Metric<{ v: number }> {
  protected initial(): { v: number } {
    return { v: 0 }
  }

  get(labels?: Labels): number {
    return this.at(labels).v
  }

  render(): string {
    let out = header(this.name, this.help, this.type)
    if (this.series.size === 0 && this.labelNames.length === 0) out += `${this.name} 0\n`
    for (const { values, state } of this.series.values()) out += `${this.name}${formatLabels(this.labelNames, values)} ${formatValue(state.v)}\n`
    return out
  }
}

/** Only goes up (restarts reset it; Prometheus' rate() handles that). */
export class Counter extends ValueMetric {
  readonly type = 'counter'

  /**
   * For totals counted elsewhere and read at scrape time (e.g. a peer's persisted
   * received/sent counts): the series follows the source, which never decreases.
   */
  setTotal(labels: Labels | undefined, total: number): void {
    const s = this.at(labels)
    if (total > s.v) s.v = total
  }

  inc(labels?: Labels, by = 1): void {
    if (!(by >= 0)) throw new MetricsError(`${this.name}: a counter only increases, got ${by}`)
    this.at(labels).v += by
  }
}

export interface GaugeOptions extends MetricOptions {
  /** Called at every scrape to set current values (e.g. counts read from the store). */
  readonly collect?: (g: Gauge) => void
}

export class Gauge extends ValueMetric {
  readonly type = 'gauge'
  readonly #collect: ((g: Gauge) => void) | undefined

  constructor(o: GaugeOptions) {
    super(o)
    this.#collect = o.collect
  }

  set(labels: Labels | undefined, v: number): void {
    this.at(labels).v = v
  }

  inc(labels?: Labels, by = 1): void {
    this.at(labels).v += by
  }

  dec(labels?: Labels, by = 1): void {
    this.at(labels).v -= by
  }

  override render(): string {
    this.#collect?.(this)
    return super.render()
  }
}

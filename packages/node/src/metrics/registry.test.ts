import { describe, expect, it } from 'vitest'
import { MetricsError } from './format.js'
import { MetricsRegistry } from './registry.js'

describe('MetricsRegistry (Prometheus text format 0.0.4)', () => {
  it('renders counters and gauges with HELP, TYPE and escaped labels', () => {
    const r = new MetricsRegistry()
    const c = r.counter({ name: 'x_requests_total', help: 'Requests\nwith \\ escapes.', labelNames: ['route', 'status'] })
    c.inc({ route: '/a"b', status: '200' })
    c.inc({ route: '/a"b', status: '200' }, 2)
    c.inc({ route: 'line\nbreak', status: '500' })
    r.gauge({ name: 'x_up', help: 'Up.' }).set(undefined, 1)
    expect(r.render()).toBe(
      '# HELP x_requests_total Requests\\nwith \\\\ escapes.\n' +
        '# TYPE x_requests_total counter\n' +
        'x_requests_total{route="/a\\"b",status="200"} 3\n' +
        'x_requests_total{route="line\\nbreak",status="500"} 1\n' +
        '# HELP x_up Up.\n# TYPE x_up gauge\nx_up 1\n',
    )
  })

  it('renders histograms cumulatively with +Inf, _sum and _count', () => {
    const r = new MetricsRegistry()
    const h = r.histogram({ name: 'x_seconds', help: 'Latency.', labelNames: ['m'], buckets: [0.1, 1] })
    h.observe({ m: 'GET' }, 0.05)
    h.observe({ m: 'GET' }, 0.5)
    h.observe({ m: 'GET' }, 3)
    expect(r.render()).toBe(
      '# HELP x_seconds Latency.\n# TYPE x_seconds histogram\n' +
        'x_seconds_bucket{m="GET",le="0.1"} 1\n' +
        'x_seconds_bucket{m="GET",le="1"} 2\n' +
        'x_seconds_bucket{m="GET",le="+Inf"} 3\n' +
        'x_seconds_sum{m="GET"} 3.55\n' +
        'x_seconds_count{m="GET"} 3\n',
    )
  })

  it('runs collectors and gauge callbacks at render time', () => {
    const r = new MetricsRegistry()
    let n = 0
    const g = r.gauge({ name: 'x_objects', help: 'Objects.' })
    r.onCollect(() => g.set(undefined, ++n))
    r.gauge({ name: 'x_cb', help: 'Callback.', collect: (self) => self.set(undefined, 42) })
    expect(r.render()).toContain('x_objects 1\n')
    expect(r.render()).toContain('x_objects 2\n')
    expect(r.render()).toContain('x_cb 42\n')
  })

  it('returns the existing metric for the same definition and refuses a conflicting one', () => {
    const r = new MetricsRegistry()
    const a = r.counter({ name: 'x_total', help: 'X.', labelNames: ['a'] })
    expect(r.counter({ name: 'x_total', help: 'X.', labelNames: ['a'] })).toBe(a)
    expect(() => r.gauge({ name: 'x_total', help: 'X.' })).toThrow(MetricsError)
    expect(() => r.counter({ name: 'x_total', help: 'X.', labelNames: ['b'] })).toThrow(/already registered/)
  })

  it('refuses bad names, labels, decreasing counters and unsorted buckets', () => {
    const r = new MetricsRegistry()
    expect(() => r.counter({ name: '1bad', help: '' })).toThrow(MetricsError)
    expect(() => r.counter({ name: 'ok_total', help: '', labelNames: ['__x'] })).toThrow(/not allowed/)
    expect(() => r.histogram({ name: 'h', help: '', buckets: [1, 1] })).toThrow(/strictly increasing/)
    expect(() => r.histogram({ name: 'h2', help: '', labelNames: ['le'] })).toThrow(/reserved/)
    const c = r.counter({ name: 'c_total', help: '', labelNames: ['a'] })
    expect(() => c.inc({ a: 'x' }, -1)).toThrow(/only increases/)
    expect(() => c.inc({ b: 'x' })).toThrow(/labels must be exactly \{a\}/)
    expect(() => c.inc()).toThrow(/labels must be exactly/)
  })
})

/**
 * Tiny benchmark helpers: run a function for a fixed wall time after a warm-up and
 * report operations per second. Figures are printed, never asserted: the ratios between
 * rows measured in the same run are what matter.
 */
export interface Measurement {
  name: string
  ops: number
  seconds: number
  opsPerSec: number
}

export function measure(name: string, fn: (i: number) => void, seconds = 1.5): Measurement {
  const warmUntil = performance.now() + 200
  let i = 0
  while (performance.now() < warmUntil) fn(i++)
  const start = performance.now()
  const end = start + seconds * 1000
  let ops = 0
  while (performance.now() < end) {
    for (let k = 0; k < 64; k++) fn(ops++)
  }
  const elapsed = (performance.now() - start) / 1000
  return { name, ops, seconds: elapsed, opsPerSec: ops / elapsed }
}

export function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)
}

export function printTable(title: string, rows: Measurement[], baseline?: Measurement): void {
  process.stdout.write(`\n${title}\n`)
  const w = Math.max(...rows.map((r) => r.name.length))
  for (const r of rows) {
    const ratio = baseline ? `  ×${(r.opsPerSec / baseline.opsPerSec).toFixed(2)} vs ${baseline.name}` : ''
    process.stdout.write(`  ${r.name.padEnd(w)}  ${fmt(r.opsPerSec).padStart(12)} ops/s${ratio}\n`)
  }
}

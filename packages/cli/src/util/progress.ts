import type { Io } from '../command.js'

/**
 * A one-line progress bar on a terminal; silent when stderr is not a TTY (scripts,
 * pipes, CI), so --json output and logs stay clean.
 */
export class Progress {
  private readonly enabled: boolean
  private last = 0
  constructor(
    private readonly io: Io,
    private readonly total: number,
    private readonly unit: (n: number) => string,
  ) {
    this.enabled = io.stderr.isTTY === true && total > 0
  }

  update(done: number, label: string): void {
    if (!this.enabled) return
    const now = Date.now()
    if (now - this.last < 80 && done < this.total) return
    this.last = now
    const width = 24
    const filled = Math.round((done / this.total) * width)
    const pct = Math.floor((done / this.total) * 100)
    const bar = '#'.repeat(filled) + '.'.repeat(width - filled)
    this.io.stderr.write(`\r[${bar}] ${String(pct).padStart(3)}%  ${this.unit(done)} / ${this.unit(this.total)}  ${label.slice(0, 40)}\x1b[K`)
  }

  done(): void {
    if (this.enabled) this.io.stderr.write('\r\x1b[K')
  }
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} B`
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`
  return `${(n / 1024 / 1024).toFixed(1)} MiB`
}

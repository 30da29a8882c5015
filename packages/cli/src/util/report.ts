import type { IngestReport } from '@certmesh/node'
import type { Io } from '../command.js'
import { table } from './table.js'

export type { IngestReport } from '@certmesh/node'

function where(s: IngestReport['items'][number]['source']): string {
  if (!s) return ''
  if (s.line !== undefined) return `line ${s.line}${s.column !== undefined ? `:${s.column}` : ''}`
  if (s.index !== undefined) return `object ${s.index}`
  return s.ref ?? ''
}

/** Prints what an ingest did: a summary line, then every rejected or flagged item. */
export function printReport(io: Io, label: string, r: IngestReport, verbose = false): void {
  const s = r.summary
  io.stdout.write(
    `${label}: ${s.created} created, ${s.updated} updated, ${s.unchanged} unchanged, ${s.flagged} flagged, ${s.rejected} rejected` +
      (s.skipped ? `, ${s.skipped} skipped` : '') +
      '\n',
  )
  if (s.created + s.updated === 0 && s.unchanged > 0 && s.rejected === 0) io.stdout.write('  nothing new: everything in it is already stored\n')
  const interesting = r.items.filter((i) => verbose || i.status === 'rejected' || (i.flags && i.flags.length > 0))
  if (interesting.length > 0) {
    const rows = interesting.slice(0, verbose ? interesting.length : 50).map((i) => [
      i.status,
      where(i.source),
      i.value ?? i.id ?? '',
      i.status === 'rejected' ? `${i.message ?? i.reason ?? ''}` : (i.flags ?? []).join(', '),
    ])
    io.stdout.write(table(['status', 'where', 'value / id', 'why'], rows).replace(/^(?=.)/gm, '  '))
    if (interesting.length > rows.length) io.stdout.write(`  … and ${interesting.length - rows.length} more (use --json for all)\n`)
  }
  const skipped = Object.entries(r.skipped ?? {})
  if (skipped.length > 0) io.stdout.write(`  skipped: ${skipped.map(([k, v]) => `${k} ${v}`).join(', ')}\n`)
}

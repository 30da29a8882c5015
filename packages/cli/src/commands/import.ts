import { statSync } from 'node:fs'
import { basename } from 'node:path'
import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { bytes, Progress } from '../util/progress.js'
import { readInput } from '../util/read-input.js'
import { printReport, type IngestReport } from '../util/report.js'
import { table } from '../util/table.js'

const FORMATS = ['auto', 'stix', 'misp', 'csv', 'txt']

export const importCommand: Command = {
  name: 'import',
  summary: 'Import STIX bundles, MISP events, CSV files or plain IOC lists',
  usage: 'certmesh import FILE... [--format auto|stix|misp|csv|txt] [--tlp T] [--confidence N] [--adopt] [--json]',
  help: `Each file goes through the node's one pipeline: parse, validate, normalise, sign (for
indicators the node creates) and store. Every object or line is reported as created,
updated, unchanged, flagged (on a warninglist) or rejected with the reason and the line.
One bad entry never blocks the good ones; a file that is not what its format claims
(e.g. broken JSON) imports nothing. Importing the same file again changes nothing.

Formats (auto-detected by default):
  stix   STIX 2.1 bundle, object or array (2.0 is upgraded). Objects signed by another
         certmesh node keep their signature and are verified.
  misp   MISP event JSON ({"Event":…} or {"response":[…]}): to_ids attributes become
         indicators, the event a report, tlp:* tags TLP markings.
  csv    header with value[,type,tlp,confidence,valid_until,labels,description]
  txt    one value per line; type detected per line; # comments and blank lines skipped

Options:
  --format F       force a format
  --tlp T          TLP for new indicators that carry none (default: the node's default_tlp)
  --confidence N   confidence for new indicators that carry none
  --adopt          import unsigned STIX objects as this node's own: re-identified, signed,
                   linked to the original by a derived-from relationship
  --json           print the reports as JSON ([{file, report}])
  -v, --verbose    list every item, not only rejected and flagged ones

Exit status: 0 when everything was stored or already present, 1 when any entry was
rejected or any file failed, 2 on a usage error.`,
  options: {
    format: { type: 'string' },
    tlp: { type: 'string' },
    confidence: { type: 'string' },
    adopt: { type: 'boolean' },
    json: { type: 'boolean' },
    verbose: { type: 'boolean', short: 'v' },
  },
  async run(args, io) {
    const files = args.positionals
    if (files.length === 0) throw new UserError('name at least one FILE to import (or - for standard input)')
    const v = args.values
    const format = typeof v.format === 'string' ? v.format : 'auto'
    if (!FORMATS.includes(format)) throw new UserError(`--format: must be one of ${FORMATS.join(', ')}, got '${format}'`)
    if (typeof v.confidence === 'string' && (!/^\d{1,3}$/.test(v.confidence) || Number(v.confidence) > 100))
      throw new UserError(`--confidence: must be a whole number from 0 to 100, got '${v.confidence}'`)
    const target = resolveTarget(args, io)
    const sizes = files.map((f) => (f === '-' ? 0 : safeSize(f)))
    const progress = new Progress(io, sizes.reduce((a, b) => a + b, 0), bytes)
    const results: { file: string; report?: IngestReport; error?: string }[] = []
    let done = 0
    for (const [i, file] of files.entries()) {
      progress.update(done, `${i + 1}/${files.length} ${basename(file)}`)
      try {
        const text = await readInput(file, io.stdin)
        const report = await callJson<IngestReport>(target, '/api/v1/import', {
          body: text,
          contentType: 'application/octet-stream',
          query: {
            format,
            filename: file === '-' ? 'stdin' : basename(file),
            tlp: typeof v.tlp === 'string' ? v.tlp : undefined,
            confidence: typeof v.confidence === 'string' ? v.confidence : undefined,
            adopt: v.adopt === true ? 'true' : undefined,
          },
        })
        results.push({ file, report })
      } catch (err) {
        if (!(err instanceof UserError)) throw err
        results.push({ file, error: err.message })
      }
      done += sizes[i]!
      progress.update(done, `${i + 1}/${files.length} ${basename(file)}`)
    }
    progress.done()
    if (v.json) {
      io.stdout.write(JSON.stringify(results, null, 2) + '\n')
    } else {
      for (const r of results) {
        if (r.error) io.stdout.write(`${r.file}: not imported: ${r.error}\n`)
        else printReport(io, r.file, r.report!, v.verbose === true)
      }
      if (results.length > 1) {
        const rows = results.map((r) => {
          const s = r.report?.summary
          return s ? [r.file, String(s.created), String(s.updated), String(s.unchanged), String(s.flagged), String(s.rejected)] : [r.file, '-', '-', '-', '-', 'file failed']
        })
        io.stdout.write('\n' + table(['file', 'created', 'updated', 'unchanged', 'flagged', 'rejected'], rows))
      }
    }
    return results.some((r) => r.error !== undefined || (r.report?.summary.rejected ?? 0) > 0) ? 1 : 0
  },
}

function safeSize(f: string): number {
  try {
    return statSync(f).size
  } catch {
    return 0
  }
}

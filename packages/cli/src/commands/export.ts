import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Command } from '../command.js'
import { call, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'

export const exportCommand: Command = {
  name: 'export',
  summary: 'Export indicators as a STIX bundle, CSV or a plain list',
  usage: 'certmesh export [--format stix|csv|txt] [--type T] [--min-confidence N] [--include-revoked] [--out FILE]',
  help: `Writes the node's current indicators. STIX output is a bundle that also holds the
identities, TLP marking definitions and the certmesh extension definition the objects
reference, with every signature intact. CSV uses the same columns the CSV importer reads.
CSV and txt hold only active indicators (not revoked, not expired, not on a warninglist).

Options:
  --format F          stix (default), csv or txt
  --type T            stix: a STIX object type (default indicator); csv/txt: an observable
                      type such as ipv4-addr, domain-name, url, file
  --min-confidence N  only indicators with at least this confidence
  --include-revoked   stix: also revoked and expired indicators
  --out FILE          write to FILE instead of standard output`,
  options: {
    format: { type: 'string' },
    type: { type: 'string' },
    'min-confidence': { type: 'string' },
    'include-revoked': { type: 'boolean' },
    out: { type: 'string', short: 'o' },
  },
  async run(args, io) {
    const v = args.values
    const format = typeof v.format === 'string' ? v.format : 'stix'
    if (!['stix', 'csv', 'txt'].includes(format)) throw new UserError(`--format: must be stix, csv or txt, got '${format}'`)
    const res = await call(resolveTarget(args, io), '/api/v1/export', {
      accept: '*/*',
      query: {
        format,
        type: typeof v.type === 'string' ? v.type : undefined,
        min_confidence: typeof v['min-confidence'] === 'string' ? v['min-confidence'] : undefined,
        include_revoked: v['include-revoked'] === true ? 'true' : undefined,
      },
    })
    if (!res.body) return 0
    const source = Readable.fromWeb(res.body as never)
    if (typeof v.out === 'string') {
      await pipeline(source, createWriteStream(v.out))
      io.stderr.write(`wrote ${v.out}\n`)
    } else {
      await pipeline(source, io.stdout, { end: false })
    }
    return 0
  },
}

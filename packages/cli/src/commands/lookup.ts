import type { LookupResult } from '@certmesh/node'
import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { readInput } from '../util/read-input.js'

export const lookup: Command = {
  name: 'lookup',
  summary: 'Look values up: which active indicators match, from whom, with what TLP',
  usage: 'certmesh lookup VALUE... [--file F] [--all] [--json]',
  help: `For each value (IP, CIDR, domain, URL, e-mail address or hash; defanged forms such as
hxxp:// and example[.]com are accepted): the matching active indicators, who created
them (organisation, and whether the signature verified), TLP, confidence, validity,
sightings, and warninglist hits. IPs also match indicated CIDRs; domains and URLs also
match indicated parent domains.

Options:
  --file F   read values from a file, one per line ('-' for standard input)
  --all      include revoked and expired indicators
  --json     print the node's answer as JSON

Exit status: 0 when something matched, 1 when nothing did, 2 on a usage error.`,
  options: { file: { type: 'string' }, all: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(args, io) {
    const values = [...args.positionals]
    if (typeof args.values.file === 'string') {
      const text = await readInput(args.values.file, io.stdin)
      values.push(...text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')))
    }
    if (values.length === 0) throw new UserError('give at least one VALUE to look up (or --file)')
    const target = resolveTarget(args, io)
    const results: LookupResult[] = []
    for (let i = 0; i < values.length; i += 10_000) {
      const r = await callJson<{ results: LookupResult[] }>(target, '/api/v1/lookup', {
        json: { values: values.slice(i, i + 10_000), include_inactive: args.values.all === true },
      })
      results.push(...r.results)
    }
    const matched = results.some((r) => r.matches.length > 0)
    if (args.values.json) {
      io.stdout.write(JSON.stringify({ results }, null, 2) + '\n')
      return matched ? 0 : 1
    }
    for (const r of results) {
      const what = r.observable ? `${r.observable.type} ${r.observable.value}` : r.value
      if (r.error) {
        io.stdout.write(`${r.value}: not a recognisable value: ${r.error}\n`)
        continue
      }
      io.stdout.write(r.matches.length === 0 ? `${what}: no active indicator\n` : `${what}: ${r.matches.length} indicator${r.matches.length === 1 ? '' : 's'}\n`)
      for (const m of r.matches) {
        const who = `${m.creator.name ?? m.creator.identity_id ?? 'unknown creator'}${m.creator.local ? ' (this node)' : ''}`
        const sig = m.creator.verified ? 'signature verified' : 'NOT verified'
        const state = m.revoked ? 'REVOKED' : m.valid_until ? `valid until ${m.valid_until}` : 'no expiry'
        io.stdout.write(`  ${m.indicator_id}  [${m.match}]\n`)
        io.stdout.write(`    ${m.name ?? m.pattern}\n`)
        io.stdout.write(`    by ${who}, ${sig}; TLP:${(m.tlp ?? 'none').toUpperCase()}; confidence ${m.confidence ?? '-'}; ${state}\n`)
        if (m.sightings.count > 0)
          io.stdout.write(`    sighted ${m.sightings.count}× by ${m.sightings.by.map((b) => `${b.name ?? b.identity_id} (${b.count})`).join(', ')}\n`)
      }
      for (const w of r.warninglists) io.stdout.write(`  on warninglist: ${w.list} (${w.entry})\n`)
    }
    return matched ? 0 : 1
  },
}

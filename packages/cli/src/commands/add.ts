import type { Command } from '../command.js'
import { callJson, resolveTarget } from '../client.js'
import { UserError } from '../errors.js'
import { printReport, type IngestReport } from '../util/report.js'

export const add: Command = {
  name: 'add',
  summary: 'Add one indicator, signed by this node',
  usage: 'certmesh add TYPE VALUE [--tlp T] [--confidence N] [--valid-until TS] [--label L]... [--description D] [--json]',
  help: `TYPE is a STIX observable type (ipv4-addr, ipv6-addr, domain-name, url, email-addr,
file, windows-registry-key) or a short name: ip, domain, url, email, md5, sha1, sha256,
sha512 (for 'file' the hash algorithm follows from the value's length).
The value is normalised (lower-case hashes and domains, canonical IPs and CIDRs, URL
normalisation); adding an indicator that already exists changes nothing and says so.

Options:
  --tlp T            clear, green, amber, amber+strict or red (default: the node's default_tlp)
  --confidence N     0-100 (default: the node's default_confidence)
  --valid-until TS   RFC 3339 timestamp, e.g. 2027-01-31T00:00:00Z (default: per-type validity)
  --label L          a label; repeat for several
  --description D    free text
  --json             print the node's report as JSON

Examples:
  certmesh add ip 198.51.100.7 --tlp green --confidence 80 --label c2
  certmesh add domain login-portal.example --description "phishing wave 2026-11"
  certmesh add sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855`,
  options: {
    tlp: { type: 'string' },
    confidence: { type: 'string' },
    'valid-until': { type: 'string' },
    label: { type: 'string', multiple: true },
    description: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const [type, value, ...extra] = args.positionals
    if (type === undefined || value === undefined) throw new UserError('give a TYPE and a VALUE, e.g. `certmesh add ip 198.51.100.7`')
    if (extra.length > 0) throw new UserError(`unexpected argument '${extra[0]}': quote values that contain spaces`)
    const v = args.values
    let confidence: number | undefined
    if (typeof v.confidence === 'string') {
      if (!/^\d{1,3}$/.test(v.confidence) || Number(v.confidence) > 100) throw new UserError(`--confidence: must be a whole number from 0 to 100, got '${v.confidence}'`)
      confidence = Number(v.confidence)
    }
    const body = {
      type,
      value,
      ...(typeof v.tlp === 'string' && { tlp: v.tlp }),
      ...(confidence !== undefined && { confidence }),
      ...(typeof v['valid-until'] === 'string' && { valid_until: v['valid-until'] }),
      ...(Array.isArray(v.label) && { labels: v.label }),
      ...(typeof v.description === 'string' && { description: v.description }),
    }
    const report = await callJson<IngestReport>(resolveTarget(args, io), '/api/v1/indicators', { json: body })
    if (v.json) {
      io.stdout.write(JSON.stringify(report, null, 2) + '\n')
      return 0
    }
    const item = report.items[0]
    if (item?.status === 'created') io.stdout.write(`created ${item.id} for ${item.value ?? value}\n`)
    else if (item?.status === 'unchanged') io.stdout.write(`already present: ${item.id} (${item.value ?? value}); nothing changed\n`)
    else printReport(io, 'add', report)
    if (item?.flags?.length) io.stdout.write(`warning: ${item.flags.join(', ')} — stored, but left out of feeds\n`)
    return item?.status === 'rejected' ? 1 : 0
  },
}

import { checkStix, type CheckReport } from '@certmesh/protocol'
import { activeEd25519, FormatError, parseJsonStrict } from '@certmesh/node'
import type { Command, Io } from '../command.js'
import { UserError } from '../errors.js'
import { readInput } from '../util/read-input.js'

interface FileResult {
  file: string
  report?: CheckReport
  error?: { rule: string; message: string; line?: number; column?: number }
}

async function checkFile(file: string, io: Io, opts: { upgrade: boolean; requireSignature: boolean }): Promise<FileResult> {
  const name = file === '-' ? '<stdin>' : file
  let text: string
  try {
    text = await readInput(file, io.stdin)
  } catch (err) {
    if (err instanceof UserError) return { file: name, error: { rule: 'unreadable', message: err.message } }
    throw err
  }
  let value: unknown
  try {
    value = parseJsonStrict(text, name)
  } catch (err) {
    if (err instanceof FormatError) {
      const e: FileResult['error'] = { rule: 'json-syntax', message: err.message }
      if (err.line !== undefined) e.line = err.line
      if (err.column !== undefined) e.column = err.column
      return { file: name, error: e }
    }
    throw err
  }
  return { file: name, report: checkStix(value, { ed25519: activeEd25519(), ...opts }) }
}

function printHuman(r: FileResult, io: Io, quiet: boolean): void {
  const out = (s: string) => io.stdout.write(s + '\n')
  if (r.error) {
    out(`✗ ${r.file}: ${r.error.message}`)
    return
  }
  const rep = r.report!
  const failed = rep.objects.filter((o) => !o.ok)
  const signed = rep.objects.filter((o) => o.signature === 'valid').length
  const head = rep.ok ? '✓' : '✗'
  out(
    `${head} ${r.file}: ${rep.kind}, ${rep.objects.length} object${rep.objects.length === 1 ? '' : 's'}, ` +
      `${rep.objects.length - failed.length} valid, ${failed.length} invalid, ${signed} with a verified signature`,
  )
  for (const p of rep.problems) out(`    ${p.message.includes(`[${p.rule}]`) ? p.message : `${p.message} [${p.rule}]`}`)
  for (const c of rep.upgraded) if (!quiet) out(`    upgraded: ${c}`)
  for (const o of rep.objects) {
    if (o.ok && quiet) continue
    if (o.ok) continue
    const where = rep.kind === 'object' ? '' : `objects[${o.index}] `
    out(`  ✗ ${where}${o.id ?? o.type ?? '(no id)'}`)
    // Validator messages already name the object, the property and the rule.
    for (const e of o.errors) out(`      ${e.message.includes(`[${e.rule}]`) ? e.message : `${e.message} [${e.rule}]`}`)
  }
}

function jsonRows(r: FileResult): unknown[] {
  if (r.error) return [{ file: r.file, ok: false, errors: [{ path: '', ...r.error }] }]
  const rows: unknown[] = []
  if (r.report!.problems.length > 0) rows.push({ file: r.file, id: null, ok: false, errors: r.report!.problems })
  for (const o of r.report!.objects) {
    rows.push({ file: r.file, index: o.index, id: o.id ?? null, type: o.type ?? null, ok: o.ok, errors: o.errors, signature: o.signature, ...(o.signer && { signer: o.signer }) })
  }
  return rows
}

export const validate: Command = {
  name: 'validate',
  summary: 'Validate STIX objects or bundles, their patterns and signatures',
  usage: 'certmesh validate FILE... [--json] [--upgrade] [--require-signature] [--quiet]',
  help: `Checks every object against the STIX 2.1 rules, every STIX pattern against the
grammar, and every certmesh signature that is present. Stores nothing and needs no node.
FILE may be a bundle, a JSON array of objects or one object; '-' reads standard input.

Options:
  --json               print one JSON result per object: file, id, ok, errors[], signature
  --upgrade            upgrade STIX 2.0 input to 2.1 before validating
  --require-signature  an object without a certmesh signature is an error
  --quiet              print only what failed

Exit status: 0 when everything is valid, 1 when anything is not, 2 on a usage error.

Examples:
  certmesh validate bundle.json
  curl -s https://example.org/feed.json | certmesh validate - --json`,
  options: {
    json: { type: 'boolean' },
    upgrade: { type: 'boolean' },
    'require-signature': { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run(args, io) {
    if (args.positionals.length === 0) throw new UserError('name at least one FILE (or - for standard input)')
    const opts = { upgrade: args.values.upgrade === true, requireSignature: args.values['require-signature'] === true }
    const results: FileResult[] = []
    for (const file of args.positionals) results.push(await checkFile(file, io, opts))
    if (args.values.json) io.stdout.write(JSON.stringify(results.flatMap(jsonRows), null, 2) + '\n')
    else for (const r of results) printHuman(r, io, args.values.quiet === true)
    return results.every((r) => r.report?.ok === true) ? 0 : 1
  },
}

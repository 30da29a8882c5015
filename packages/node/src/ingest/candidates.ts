/**
 * Parsed candidates (ingest/parse) → report items: each indicator candidate resolved,
 * normalised and handed to the indicator pipeline; each MISP event candidate written as a
 * report over the indicators it holds; parser problems become rejected items.
 */
import type { IngestDeps } from './context.js'
import { candidateAttributes, type Defaults } from './attributes.js'
import { ORIGIN_IMPORT } from './constants.js'
import { writeMispReport } from './misp-report.js'
import type { CandidateSource, ParseResult, ReportCandidate } from './parse/index.js'
import { IndicatorPipeline } from './pipeline.js'
import { progressReporter, type ProgressCallback } from './progress.js'
import { rejected, ReportBuilder, type IngestReport } from './report.js'
import { resolveCandidate } from './resolve.js'

/** "line 13, column 1: " / "attribute <uuid>: " — where a message points. */
export function where(source: CandidateSource): string {
  if (source.line !== undefined) return source.column !== undefined ? `line ${source.line}, column ${source.column}: ` : `line ${source.line}: `
  return source.ref !== undefined ? `${source.ref}: ` : ''
}

export function ingestCandidates(parsed: ParseResult, d: Defaults, deps: IngestDeps & { now: () => number }, onProgress?: ProgressCallback): IngestReport {
  const report = new ReportBuilder(parsed.format)
  report.skipAll(parsed.skipped)
  const now = deps.now()
  const pipeline = new IndicatorPipeline(deps, report, ORIGIN_IMPORT, now)
  const slotsOf = new Map<number, number[]>()
  const progress = progressReporter(parsed.candidates.length, onProgress)

  const writeReport = (c: ReportCandidate): void => {
    pipeline.flush()
    const ids = c.memberRefs
      .flatMap((i) => slotsOf.get(i) ?? [])
      .map((slot) => report.get(slot))
      .filter((item) => item.status !== 'rejected' && item.id !== undefined)
      .map((item) => item.id as string)
    if (ids.length === 0) report.skip('report without indicators')
    else report.add(writeMispReport(c, ids, d, { store: deps.store, signer: deps.signer, now, origin: ORIGIN_IMPORT }))
  }

  parsed.candidates.forEach((c, i) => {
    if (c.kind === 'report') writeReport(c)
    else {
      const source = { ...c.source }
      const r = resolveCandidate(c)
      if (!r.ok) slotsOf.set(i, [report.add(rejected(r.reason, where(source) + r.message, { type: 'indicator', source }))])
      else {
        const attrs = candidateAttributes(c, d, r.nameDetail)
        slotsOf.set(i, r.observables.map((o) => pipeline.add(o, attrs, source)))
      }
    }
    progress(i + 1)
  })
  pipeline.flush()

  for (const p of parsed.problems) {
    const source = { ...(p.line !== undefined && { line: p.line }), ...(p.column !== undefined && { column: p.column }), ...(p.ref !== undefined && { ref: p.ref }) }
    if (p.severity === 'skipped') report.skip(p.message)
    else report.add(rejected('invalid-input', p.message, { source }))
  }
  // Line-based inputs: problems and candidates back in input order.
  if (parsed.format === 'csv' || parsed.format === 'txt') report.sortByLine()
  return report.finish()
}

/**
 * Parsed candidates (ingest/parse) → report items: each indicator candidate resolved,
 * normalised and handed to the indicator pipeline; each MISP event candidate written as a
 * report over the indicators it holds; parser problems become rejected items.
 */
import type { IngestDeps } from './context.js'
import { candidateAttributes, type Defaults } from './attributes.js'
import { ORIGIN_IMPORT } from './constants.js'
import { writeMispReport } from './misp-report.js'
import { isProblem, type CandidateSource, type IndicatorCandidate, type ParseProblem, type ParseResult, type ReportCandidate, type RowStream } from './parse/index.js'
import { IndicatorPipeline } from './pipeline.js'
import { lineProgress, progressReporter, type ProgressCallback } from './progress.js'
import { rejected, ReportBuilder, type IngestItem, type IngestReport } from './report.js'
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
    else slotsOf.set(i, addCandidate(c, pipeline, report, d))
    progress(i + 1)
  })
  pipeline.flush()
  for (const p of parsed.problems) addProblem(p, report)
  return report.finish()
}

/**
 * A text list or CSV read row by row: each batch of candidates is signed and stored
 * while the file is read, and nothing per row outlives its batch but its report item.
 * Rows come in line order, so the items do too.
 */
export function ingestRows(stream: RowStream, d: Defaults, deps: IngestDeps & { now: () => number }, onProgress?: ProgressCallback): IngestReport {
  const report = new ReportBuilder(stream.format)
  for (const p of stream.header) addProblem(p, report)
  const pipeline = new IndicatorPipeline(deps, report, ORIGIN_IMPORT, deps.now())
  const progress = lineProgress(stream.lines, onProgress)
  for (const row of stream.rows) {
    if (isProblem(row)) {
      addProblem(row, report)
      progress.at(row.line ?? 0)
    } else {
      addCandidate(row, pipeline, report, d)
      progress.at(row.source.line ?? 0)
    }
  }
  pipeline.flush()
  progress.end()
  return report.finish()
}

/** An indicator candidate resolved and handed to the pipeline, or rejected; its report slots. */
function addCandidate(c: IndicatorCandidate, pipeline: IndicatorPipeline, report: ReportBuilder, d: Defaults): number[] {
  const source: IngestItem['source'] = { ...c.source }
  const r = resolveCandidate(c)
  if (!r.ok) return [report.add(rejected(r.reason, where(source) + r.message, { type: 'indicator', source }))]
  const attrs = candidateAttributes(c, d, r.nameDetail)
  return r.observables.map((o) => pipeline.add(o, attrs, source))
}

function addProblem(p: ParseProblem, report: ReportBuilder): void {
  const source = { ...(p.line !== undefined && { line: p.line }), ...(p.column !== undefined && { column: p.column }), ...(p.ref !== undefined && { ref: p.ref }) }
  if (p.severity === 'skipped') report.skip(p.message)
  else report.add(rejected('invalid-input', p.message, { source }))
}

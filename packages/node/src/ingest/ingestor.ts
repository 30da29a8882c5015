/**
 * The node's one ingest pipeline (DESIGN.md data flow): parse → validate → normalise →
 * sign (our objects) → store, for every source: the API, imported files (MISP, CSV,
 * text lists, STIX), and revocations. Every operation answers with an IngestReport.
 */
import { BadRequestError } from '../errors.js'
import type { IngestDeps, ImportOptions } from './context.js'
import { checkAddIndicator, type AddIndicator } from './add-indicator.js'
import { operationDefaults } from './attributes.js'
import { BatchWriter } from './batch.js'
import { ingestCandidates, ingestRows } from './candidates.js'
import { DedupIndex } from './dedup.js'
import { ORIGIN_IMPORT, ORIGIN_LOCAL } from './constants.js'
import { FormatError, openFile } from './parse/index.js'
import { IndicatorPipeline } from './pipeline.js'
import { progressReporter, type ProgressCallback } from './progress.js'
import { ReportBuilder, type IngestReport } from './report.js'
import { revokeObject } from './revoke.js'
import { importStixObjects } from './stix-import.js'
import { stixInput } from './stix-input.js'

export class Ingestor {
  readonly #deps: IngestDeps & { now: () => number }

  constructor(deps: IngestDeps) {
    this.#deps = { ...deps, now: deps.now ?? Date.now }
  }

  /** One indicator from an analyst; unchanged (with the existing id) when we already publish it. */
  addIndicator(input: AddIndicator): IngestReport {
    const now = this.#deps.now()
    const { observable, attrs } = checkAddIndicator(input, this.#deps.config, now)
    const report = new ReportBuilder('api')
    const pipeline = new IndicatorPipeline(this.#deps, report, ORIGIN_LOCAL, now)
    pipeline.add(observable, attrs)
    pipeline.flush()
    return report.finish()
  }

  /**
   * One file. A file that is not what it claims to be (FormatError) is a BadRequestError
   * and nothing from it is stored (DESIGN.md invariant 7); bad rows are rejected items.
   */
  importText(fileName: string, text: string, opts: ImportOptions = {}, onProgress?: ProgressCallback): IngestReport {
    const defaults = operationDefaults(this.#deps.config, opts)
    let input
    try {
      input = openFile(fileName, text, opts.format ?? 'auto')
      // Text lists and CSV are read row by row; openFile has checked the whole file.
      if ('rows' in input) return ingestRows(input, defaults, this.#deps, onProgress)
    } catch (e) {
      if (!(e instanceof FormatError)) throw e
      const at = e.line !== undefined ? [{ line: e.line, ...(e.column !== undefined && { column: e.column }) }] : []
      throw new BadRequestError(e.message, at)
    }
    if (input.format === 'stix') return this.importStix(input.stix, opts, onProgress)
    return ingestCandidates(input, defaults, this.#deps, onProgress)
  }

  /** Parsed STIX JSON: a bundle (2.1, or 2.0 upgraded), an array of objects, or one object. */
  importStix(value: unknown, opts: ImportOptions = {}, onProgress?: ProgressCallback): IngestReport {
    const defaults = operationDefaults(this.#deps.config, opts)
    const input = stixInput(value)
    const report = new ReportBuilder('stix')
    const writer = new BatchWriter(this.#deps.store, report)
    const now = this.#deps.now()
    importStixObjects(input, {
      store: this.#deps.store,
      signer: this.#deps.signer,
      ...(this.#deps.matcher !== undefined && { matcher: this.#deps.matcher }),
      now,
      origin: ORIGIN_IMPORT,
      report,
      writer,
      dedup: new DedupIndex(this.#deps.store, this.#deps.signer.publicKeyB64, now),
      adopt: opts.adopt === true,
      ...(opts.tlp !== undefined && { tlp: defaults.tlp }),
      defaultTlp: defaults.tlp,
      progress: progressReporter(input.objects.length, onProgress),
    })
    writer.flush()
    return report.finish()
  }

  /** Revokes an object this node created (ForbiddenError otherwise, NotFoundError when unknown). */
  revoke(id: string, reason?: string): IngestReport {
    const report = new ReportBuilder('api')
    report.add(
      revokeObject(id, reason, {
        store: this.#deps.store,
        signer: this.#deps.signer,
        ...(this.#deps.matcher !== undefined && { matcher: this.#deps.matcher }),
        now: this.#deps.now(),
        origin: ORIGIN_LOCAL,
      }),
    )
    return report.finish()
  }
}

/**
 * STIX objects → the store, one verdict per object (DESIGN.md invariants 1 and 7):
 * built-in objects are known; invalid ones are rejected with the validator's messages;
 * signed ones are verified and stored exactly as their creator signed them; unsigned
 * ones are rejected, or with `adopt` re-published as ours (adopt.ts).
 */
import {
  extractObservables,
  canonicalize,
  checkStixPattern,
  SIGNATURE_EXTENSION_ID,
  parsePattern,
  parseStixTimestamp,
  patternDedupKey,
  validateObject,
  verifyObject,
  type Tlp,
  isBuiltinId,
} from '@certmesh/protocol'
import { activeEd25519 } from '../sign/ed25519.js'
import type { NodeSigner } from '../sign/signer.js'
import type { Store } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'
import { adoptedBody, adoptedId, derivedFrom, linksProvenance, nextAdoptedVersion, notAdoptable } from './adopt.js'
import type { BatchWriter } from './batch.js'
import { singleObservable, type DedupIndex } from './dedup.js'
import { prepareVersion, PrepareError } from './prepare.js'
import { rejected, type IngestItem, type ReportBuilder } from './report.js'
import { upgradeNote, type StixInput } from './stix-input.js'

export interface StixImportContext {
  store: Store
  signer: NodeSigner
  matcher?: WarninglistMatcher
  now: number
  origin: string
  report: ReportBuilder
  writer: BatchWriter
  /** Our indicators by pattern, so adopting one we already publish does not duplicate it. */
  dedup: DedupIndex
  adopt: boolean
  /** Import option: TLP for adopted objects instead of their own markings. */
  tlp?: Tlp
  defaultTlp: Tlp
  progress: (done: number) => void
}

type Json = Record<string, unknown>

function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isSigned(o: Json): boolean {
  return isRecord(o.extensions) && Object.hasOwn(o.extensions, SIGNATURE_EXTENSION_ID)
}

const VALIDATE = { checkPattern: checkStixPattern }

/** The observable value shown in an item, when an indicator matches on exactly one. */
function shownValue(observables: readonly { type: string; value: string }[]): { value?: string } {
  const real = observables.filter((o) => o.type !== 'pattern')
  return real.length === 1 ? { value: (real[0] as { value: string }).value } : {}
}

export function importStixObjects(input: StixInput, ctx: StixImportContext): void {
  const adoptIds = new Map<string, string>()
  if (ctx.adopt) {
    for (const o of input.objects) {
      if (isRecord(o) && typeof o.id === 'string' && typeof o.type === 'string' && !isSigned(o) && !isBuiltinId(o.id) && notAdoptable(o.type) === undefined) {
        adoptIds.set(o.id, adoptedId(ctx.signer.identityId, o.id))
      }
    }
  }
  input.objects.forEach((o, index) => {
    importOne(o, index, input.upgraded, adoptIds, ctx)
    ctx.progress(index + 1)
  })
}

function store(obj: Json, signer: string, base: IngestItem, ctx: StixImportContext): void {
  let version
  try {
    version = prepareVersion(obj, canonicalize(obj), { origin: ctx.origin, signer, ...(ctx.matcher !== undefined && { matcher: ctx.matcher }) })
  } catch (e) {
    if (!(e instanceof PrepareError)) throw e
    ctx.report.add(rejected('not-storable', e.message, base))
    return
  }
  const slot = ctx.report.add({ ...base, ...shownValue(version.observables), ...(version.flags !== undefined && { flags: [...version.flags] }) })
  ctx.writer.add(version, slot)
}

function importOne(o: unknown, index: number, upgraded: readonly string[], adoptIds: ReadonlyMap<string, string>, ctx: StixImportContext): void {
  if (!isRecord(o)) {
    ctx.report.add(rejected('invalid-stix', `objects[${index}] is not a JSON object`, { source: { index } }))
    return
  }
  const id = typeof o.id === 'string' ? o.id : undefined
  const type = typeof o.type === 'string' ? o.type : undefined
  const note = upgradeNote(upgraded, id)
  const base: IngestItem = {
    status: 'created',
    ...(id !== undefined && { id }),
    ...(type !== undefined && { type }),
    ...(note !== undefined && { message: note }),
    source: { index, ...(id !== undefined && { ref: id }) },
  }
  if (isBuiltinId(id)) {
    ctx.report.add({ ...base, status: 'unchanged', message: `${id} is built into every certmesh node; not stored from input` })
    return
  }
  const issues = validateObject(o, VALIDATE, index)
  if (issues.length > 0) {
    ctx.report.add(rejected('invalid-stix', issues.map((i) => i.message).join('; '), base))
    return
  }
  if (isSigned(o)) {
    const v = verifyObject(o, activeEd25519())
    if (!v.ok) ctx.report.add(rejected(`signature-${v.reason}`, `${id}: ${v.message}`, base))
    else store(o, v.publicKeyB64, base, ctx)
    return
  }
  if (!ctx.adopt) {
    ctx.report.add(rejected('unsigned', `${id} is not signed by its creator; import it with --adopt to publish it as your own (signed by this node)`, base))
    return
  }
  adopt(o, base, adoptIds, ctx)
}

function adopt(o: Json, base: IngestItem, ids: ReadonlyMap<string, string>, ctx: StixImportContext): void {
  const originalId = String(o.id)
  const refusal = notAdoptable(String(o.type))
  if (refusal !== undefined) {
    ctx.report.add(rejected('not-adoptable', `${originalId}: ${refusal}`, base))
    return
  }
  const actx = { signer: ctx.signer, now: ctx.now, defaultTlp: ctx.defaultTlp, ids, ...(ctx.tlp !== undefined && { tlp: ctx.tlp }) }
  let body = adoptedBody(o, actx)
  const newId = String(body.id)
  const adoptedBase: IngestItem = { ...base, id: newId }
  const current = ctx.store.get(newId)
  const same = current === undefined ? equivalentIndicator(body, ctx) : undefined
  if (same !== undefined) {
    ctx.report.add({ ...base, status: 'unchanged', id: same.id, message: `${originalId} has the same pattern as ${same.id}, which this node already publishes`, ...(same.flags.length > 0 && { flags: [...same.flags] }) })
    return
  }
  if (current !== undefined) {
    const next = nextAdoptedVersion(body, current, ctx.now)
    if (next === 'same') {
      ctx.report.add({ ...adoptedBase, status: 'unchanged', ...(current.flags.length > 0 && { flags: [...current.flags] }) })
      writeProvenance(body, originalId, base, ctx)
      return
    }
    body = next
  }
  const issues = validateObject(body, VALIDATE)
  if (issues.length > 0) {
    ctx.report.add(rejected('invalid-stix', `adopting ${originalId} gives an invalid object: ${issues.map((i) => i.message).join('; ')}`, adoptedBase))
    return
  }
  store(ctx.signer.sign(body), ctx.signer.publicKeyB64, adoptedBase, ctx)
  writeProvenance(body, originalId, base, ctx)
}

/** Our current indicator with the same pattern dedup key (docs/protocol.md §7.5), if any. */
function equivalentIndicator(body: Json, ctx: StixImportContext): { id: string; flags: readonly string[] } | undefined {
  if (body.type !== 'indicator' || body.pattern_type !== 'stix' || typeof body.pattern !== 'string') return undefined
  const pattern = parsePattern(body.pattern)
  const key = patternDedupKey(pattern)
  const until = typeof body.valid_until === 'string' ? parseStixTimestamp(body.valid_until).epochMs : Number.MAX_SAFE_INTEGER
  const found = ctx.dedup.find(key, until, singleObservable(extractObservables(pattern, { invalid: 'skip' }), key))
  if (found === undefined) ctx.dedup.remember(key, { id: String(body.id), flags: [] })
  return found
}

/** The signed derived-from relationship; written once (its id is deterministic). */
function writeProvenance(adopted: Json, originalId: string, base: IngestItem, ctx: StixImportContext): void {
  if (!linksProvenance(String(adopted.type))) return
  const rel = derivedFrom(adopted, originalId, { signer: ctx.signer, now: ctx.now, defaultTlp: ctx.defaultTlp, ids: new Map() })
  const item: IngestItem = { status: 'created', id: String(rel.id), type: 'relationship', ...(base.source !== undefined && { source: base.source }) }
  if (ctx.store.get(String(rel.id)) !== undefined) {
    ctx.report.add({ ...item, status: 'unchanged' })
    return
  }
  store(ctx.signer.sign(rel), ctx.signer.publicKeyB64, item, ctx)
}

/**
 * A MISP event → our signed STIX `report` (STIX 2.1 §4.14) holding the ids of its
 * indicators. The id is derived from the event uuid, so re-importing the event finds the
 * report: same indicator set → unchanged; otherwise a new version (only the creator
 * versions, DESIGN.md invariant 3).
 */
import { canonicalize, isTlp, markingIdForTlp, parseStixTimestamp, uuidV4, uuidV5 } from '@certmesh/protocol'
import type { NodeSigner } from '../sign/signer.js'
import type { Store } from '../store/index.js'
import type { Defaults } from './attributes.js'
import { itemFor } from './batch.js'
import { REPORT_NAMESPACE } from './constants.js'
import { stixTime } from './indicator.js'
import type { ReportCandidate } from './parse/index.js'
import { prepareVersion } from './prepare.js'
import { rejected, type IngestItem } from './report.js'

export function mispReportId(ourIdentityId: string, eventUuid: string): string {
  return `report--${uuidV5(REPORT_NAMESPACE, `${ourIdentityId}|${eventUuid.toLowerCase()}`)}`
}

function sameSet(a: readonly unknown[], b: readonly string[]): boolean {
  const set = new Set(a)
  return set.size === new Set(b).size && b.every((x) => set.has(x))
}

export interface ReportContext {
  store: Store
  signer: NodeSigner
  now: number
  origin: string
}

/** Writes (or finds) the report of one event; `memberIds` are its stored indicators' ids. */
export function writeMispReport(c: ReportCandidate, memberIds: readonly string[], d: Defaults, ctx: ReportContext): IngestItem {
  const refs = [...new Set(memberIds)]
  const id = c.externalId ? mispReportId(ctx.signer.identityId, c.externalId) : `report--${uuidV4()}`
  const base: IngestItem = { status: 'created', id, type: 'report', ...(c.externalId !== undefined && { source: { ref: c.externalId } }) }
  const current = ctx.store.get(id)
  let created = stixTime(ctx.now)
  let modifiedMs = ctx.now
  if (current !== undefined) {
    if (current.signer !== ctx.signer.publicKeyB64) {
      return rejected('not-creator', `${id} exists and was created by another key; only its creator may version it`, base)
    }
    const stored = JSON.parse(current.json) as { object_refs?: unknown }
    if (!current.revoked && Array.isArray(stored.object_refs) && sameSet(stored.object_refs, refs)) return { ...base, status: 'unchanged' }
    created = current.created
    // A new version must be strictly later than the current one, even within one millisecond.
    modifiedMs = Math.max(ctx.now, parseStixTimestamp(current.modified).epochMs + 1)
  }
  const tlp = c.tlp !== undefined ? (isTlp(c.tlp) ? c.tlp : 'red') : d.tlp
  const labels = (c.labels ?? []).filter((l) => l.trim() !== '')
  const obj = ctx.signer.sign({
    type: 'report',
    spec_version: '2.1',
    id,
    created_by_ref: ctx.signer.identityId,
    created,
    modified: stixTime(modifiedMs),
    name: c.name.trim() === '' ? `MISP event ${c.externalId ?? ''}`.trim() : c.name,
    ...(c.description !== undefined && c.description !== '' && { description: c.description }),
    report_types: ['threat-report'],
    published: c.published ?? stixTime(ctx.now),
    object_refs: refs,
    ...(labels.length > 0 && { labels }),
    object_marking_refs: [markingIdForTlp(tlp)],
  })
  const version = prepareVersion(obj, canonicalize(obj), { origin: ctx.origin, signer: ctx.signer.publicKeyB64 })
  return itemFor(base, version, ctx.store.put(version))
}

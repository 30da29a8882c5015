import { randomUUID } from 'node:crypto'
import type { IngestItem, IngestReport } from '../../../ingest/report.js'
import type { StatusDetails, StatusResource } from './status-store.js'

type Json = Record<string, unknown>

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** §4.3.1 `version` of status-details: the object's `modified`, or `created` when it has none. */
function versionOf(o: unknown): string | undefined {
  if (!isRecord(o)) return undefined
  const v = o.modified ?? o.created
  return typeof v === 'string' ? v : undefined
}

function successMessage(item: IngestItem, postedId: string | undefined): string {
  const adopted = item.id !== undefined && postedId !== undefined && item.id !== postedId ? ` (adopted as ${item.id}, signed by this node)` : ''
  const note = item.message !== undefined ? `; ${item.message}` : ''
  if (item.status === 'created') return `added${adopted}${note}`
  if (item.status === 'updated') return `added as a new version${adopted}${note}`
  return `already held, nothing changed${adopted}${note}`
}

/**
 * One §4.3.1 status-details per posted object, in envelope order. The ingest report has
 * an item per object (its `source.index`), sometimes followed by extra items for objects
 * the node wrote on its own (an adopted object's derived-from relationship): the first
 * item of an index is the object's verdict. Re-posting what the node holds is `unchanged`
 * in the report and a success here (TAXII clients retry).
 */
export function statusFromReport(objects: readonly unknown[], report: IngestReport, requestTimestamp: string): StatusResource {
  const byIndex = new Map<number, IngestItem>()
  report.items.forEach((item, i) => {
    const index = item.source?.index ?? i
    if (!byIndex.has(index)) byIndex.set(index, item)
  })
  const successes: StatusDetails[] = []
  const failures: StatusDetails[] = []
  objects.forEach((o, index) => {
    const postedId = isRecord(o) && typeof o.id === 'string' ? o.id : undefined
    const version = versionOf(o)
    const base = { id: postedId ?? `objects[${index}]`, ...(version !== undefined && { version }) }
    const item = byIndex.get(index)
    if (item === undefined) failures.push({ ...base, message: 'not processed' })
    else if (item.status === 'rejected') failures.push({ ...base, message: `${item.reason ?? 'rejected'}: ${item.message ?? ''}`.trim() })
    else successes.push({ ...base, message: successMessage(item, postedId) })
  })
  return {
    id: randomUUID(),
    status: 'complete',
    request_timestamp: requestTimestamp,
    total_count: objects.length,
    success_count: successes.length,
    successes,
    failure_count: failures.length,
    failures,
    pending_count: 0,
    pendings: [],
  }
}

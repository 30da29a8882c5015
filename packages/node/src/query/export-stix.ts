import { uuidV4 } from '@certmesh/protocol'
import type { PageCursor, StoredVersion, StoreReader } from '../store/index.js'
import { feedActive, meetsConfidence } from './active-feed.js'
import type { CheckedExport } from './export-options.js'
import { allReferences, metaReferences, resolveReference } from './references.js'

const PAGE = 1000

/**
 * A STIX 2.1 bundle (§8) of the current versions of one object type, then the objects
 * they reference that this node knows: for the payload every `*_ref(s)` plus creators,
 * markings and extension-definitions; for those added objects only their own creators,
 * markings and extension-definitions (so a report does not drag the whole graph in).
 *
 * Each object is the stored JSON text spliced in as is (DESIGN.md, Storage: kept byte for
 * byte): it is what was hashed, and no re-serialisation can alter what was signed.
 * A bundle with nothing to carry has no `objects` (§8: the list, when present, is not
 * empty). Without `includeRevoked`, revoked, expired, not-yet-valid and warninglist-
 * flagged objects are left out, as in the feeds.
 */
export function* stixChunks(store: StoreReader, o: CheckedExport): Generator<string, void, undefined> {
  const head = `{"type":"bundle","id":"bundle--${uuidV4()}","objects":[\n`
  const emitted = new Set<string>()
  const wanted = new Set<string>()
  let first = true
  const emit = (json: string): string => {
    const sep = first ? head : ',\n'
    first = false
    return sep + json
  }

  let after: PageCursor | undefined
  for (;;) {
    const page = store.page({ types: [o.stixType], versions: 'last', limit: PAGE, ...(after ? { after } : {}) })
    for (const v of page.items) {
      if (!keeps(v, o)) continue
      emitted.add(v.id)
      const refs = new Set<string>()
      allReferences(parse(v.json), refs)
      for (const r of refs) wanted.add(r)
      yield emit(v.json)
    }
    if (page.next !== undefined) after = page.next
    if (!page.more) break
  }

  const queue = [...wanted]
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string
    if (emitted.has(id)) continue
    const json = resolveReference(store, id)
    if (json === undefined) continue
    emitted.add(id)
    const refs = new Set<string>()
    metaReferences(parse(json), refs)
    for (const r of refs) {
      if (!wanted.has(r)) {
        wanted.add(r)
        queue.push(r)
      }
    }
    yield emit(json)
  }
  yield first ? `${head.slice(0, head.indexOf(',"objects"'))}}` : '\n]}'
}

function keeps(v: StoredVersion, o: CheckedExport): boolean {
  return meetsConfidence(v, o.minConfidence) && (o.includeRevoked || feedActive(v, o.now))
}

function parse(json: string): Record<string, unknown> {
  try {
    const o: unknown = JSON.parse(json)
    return o !== null && typeof o === 'object' && !Array.isArray(o) ? (o as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

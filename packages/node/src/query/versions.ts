import { formatStixTimestamp, stixIdProblem } from '@certmesh/protocol'
import { BadRequestError, NotFoundError } from '../errors.js'
import type { StoreReader } from '../store/index.js'
import { creatorVerified } from './creator.js'
import { showLookupValue } from './recognise.js'
import type { ObjectVersion, ObjectVersions, SelfIdentity } from './types.js'

/**
 * GET /api/v1/objects/{id} (docs/http-api.md): every stored version of one object, oldest
 * `modified` first, quarantined bodies (equivocation, DESIGN.md invariant 3) included so an
 * analyst can see both sides. `date_added` keeps the store's microseconds (TAXII 2.1 §3.2).
 * `self` is accepted for symmetry with Lookup; nothing in this answer depends on it yet.
 */
export function objectVersions(store: StoreReader, id: string, _self?: SelfIdentity): ObjectVersions {
  if (typeof id !== 'string') throw new BadRequestError('object id must be a string')
  const problem = stixIdProblem(id)
  if (problem !== undefined) throw new BadRequestError(`object id ${showLookupValue(id)} ${problem}`)
  const stored = store.versions(id)
  if (stored.length === 0) throw new NotFoundError(`no object with id '${id}' is stored on this node`)
  return {
    id,
    versions: stored.map((v): ObjectVersion => ({
      modified: v.modified,
      date_added: formatStixTimestamp(BigInt(v.dateAdded), 'microsecond'),
      status: v.status,
      revoked: v.revoked,
      ...(v.signer !== null ? { signer: v.signer } : {}),
      verified: creatorVerified(v),
      origin: v.origin,
      object: JSON.parse(v.json) as object,
    })),
  }
}

/**
 * Revocation (STIX 2.1 §3.6.2, DESIGN.md invariant 3): only the creator revokes, by
 * publishing a new version with `revoked: true`; a revoked object is final.
 */
import { canonicalize, parseStixTimestamp, withoutSignature } from '@certmesh/protocol'
import { ForbiddenError, NotFoundError } from '../errors.js'
import type { NodeSigner } from '../sign/signer.js'
import type { Store } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'
import { itemFor } from './batch.js'
import { stixTime } from './indicator.js'
import { prepareVersion } from './prepare.js'
import type { IngestItem } from './report.js'

/** Custom property (STIX 2.1 §11.1) holding the analyst's reason; STIX has no field for it. */
export const REVOCATION_REASON_PROPERTY = 'x_certmesh_revocation_reason'

export interface RevokeContext {
  store: Store
  signer: NodeSigner
  matcher?: WarninglistMatcher
  now: number
  origin: string
}

export function revokeObject(id: string, reason: string | undefined, ctx: RevokeContext): IngestItem {
  const current = ctx.store.get(id)
  if (current === undefined) throw new NotFoundError(`${id}: no such object in this node's store`)
  if (current.signer !== ctx.signer.publicKeyB64) {
    throw new ForbiddenError(`${id} was created by another node (key ${current.signer ?? 'none'}); only its creator may revoke it`)
  }
  const base: IngestItem = { status: 'unchanged', id, type: current.type }
  if (current.revoked) return { ...base, message: `${id} is already revoked` }
  // The new version must be strictly later, even when revoking within the same millisecond.
  const modified = Math.max(ctx.now, parseStixTimestamp(current.modified).epochMs + 1)
  const body: Record<string, unknown> = { ...withoutSignature(JSON.parse(current.json) as Record<string, unknown>), modified: stixTime(modified), revoked: true }
  if (reason !== undefined && reason.trim() !== '') body[REVOCATION_REASON_PROPERTY] = reason.trim()
  const obj = ctx.signer.sign(body)
  const version = prepareVersion(obj, canonicalize(obj), {
    origin: ctx.origin,
    signer: ctx.signer.publicKeyB64,
    ...(ctx.matcher !== undefined && { matcher: ctx.matcher }),
  })
  return itemFor({ ...base, status: 'updated' }, version, ctx.store.put(version))
}

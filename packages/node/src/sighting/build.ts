import { markingIdForTlp, newStixId, type Tlp } from '@certmesh/protocol'
import type { NodeSigner } from '../sign/signer.js'

export interface SightingFields {
  readonly indicatorId: string
  readonly count: number
  /** STIX timestamps. */
  readonly firstSeen?: string
  readonly lastSeen?: string
  /** Free text from the reporter (sensor, site): the sighting's description. */
  readonly where?: string
  /** The indicator's TLP: the sighting is shared exactly as far as the indicator. */
  readonly tlp: Tlp
}

/**
 * A signed STIX 2.1 `sighting` (§5.3) of one indicator, by this node: created_by_ref and
 * where_sighted_refs name our identity (the organisation that saw it), and the signature
 * makes it verifiable wherever it travels (DESIGN.md invariants 1, 2).
 */
export function buildSighting(f: SightingFields, signer: NodeSigner, nowMs: number): Record<string, unknown> {
  const now = new Date(nowMs).toISOString()
  return signer.sign({
    type: 'sighting',
    spec_version: '2.1',
    id: newStixId('sighting'),
    created_by_ref: signer.identityId,
    created: now,
    modified: now,
    ...(f.where !== undefined && { description: f.where }),
    ...(f.firstSeen !== undefined && { first_seen: f.firstSeen }),
    ...(f.lastSeen !== undefined && { last_seen: f.lastSeen }),
    count: f.count,
    sighting_of_ref: f.indicatorId,
    where_sighted_refs: [signer.identityId],
    object_marking_refs: [markingIdForTlp(f.tlp)],
  })
}

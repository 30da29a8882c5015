import { canonicalize, isTlp, type Tlp } from '@certmesh/protocol'
import { NodeError, NotFoundError } from '../errors.js'
import { prepareVersion } from '../ingest/prepare.js'
import type { NodeSigner } from '../sign/signer.js'
import type { Store, StoredVersion } from '../store/index.js'
import { buildSighting } from './build.js'
import { withSightingIndex } from './index-key.js'
import { indicatorById, indicatorsForValue } from './match.js'

/** A SIEM's report of a hit (POST /api/v1/sightings), already checked. */
export interface SightingReport {
  /** Exactly one of `value` and `indicatorId`. */
  readonly value?: string
  readonly indicatorId?: string
  readonly count: number
  /** STIX timestamps. */
  readonly firstSeen?: string
  readonly lastSeen?: string
  readonly where?: string
}

export interface SightingDeps {
  readonly store: Store
  readonly signer: NodeSigner
  /** [indicators] default_tlp: the marking of a sighting of an unmarked indicator. */
  readonly defaultTlp: string
  /** Epoch milliseconds; injected by tests. */
  readonly now?: () => number
}

/** One sighting this node created, as the API returns it. */
export interface RecordedSighting {
  id: string
  indicator_id: string
  count: number
  tlp: Tlp
  object: Record<string, unknown>
}

export class NoActiveIndicatorError extends NotFoundError {}

function sightingTlp(indicator: StoredVersion, defaultTlp: string): Tlp {
  if (indicator.tlp !== null) return isTlp(indicator.tlp) ? indicator.tlp : 'red'
  // An unmarked indicator leaves the choice to this node's default, as for any object we create.
  return isTlp(defaultTlp) ? defaultTlp : 'red'
}

/**
 * Records one signed `sighting` per matching active indicator, in one store transaction,
 * under the indicator's TLP. Throws NoActiveIndicatorError (404) when nothing matches.
 */
export function recordSightings(deps: SightingDeps, r: SightingReport): RecordedSighting[] {
  const now = (deps.now ?? Date.now)()
  const indicators =
    r.indicatorId !== undefined ? indicatorById(deps.store, r.indicatorId, now) : indicatorsForValue(deps.store, r.value ?? '', now)
  if (indicators.length === 0) {
    throw new NoActiveIndicatorError(
      r.indicatorId !== undefined
        ? `no active indicator ${r.indicatorId} (unknown, revoked or expired)`
        : `no active indicator matches '${(r.value ?? '').slice(0, 80)}'`,
    )
  }
  const built = indicators.map((ind) => {
    const tlp = sightingTlp(ind, deps.defaultTlp)
    const obj = buildSighting(
      {
        indicatorId: ind.id,
        count: r.count,
        tlp,
        ...(r.firstSeen !== undefined && { firstSeen: r.firstSeen }),
        ...(r.lastSeen !== undefined && { lastSeen: r.lastSeen }),
        ...(r.where !== undefined && { where: r.where }),
      },
      deps.signer,
      now,
    )
    const version = withSightingIndex(prepareVersion(obj, canonicalize(obj), { origin: 'local', signer: deps.signer.publicKeyB64 }), obj)
    return { obj, tlp, version, indicatorId: ind.id }
  })
  const results = deps.store.putBatch(built.map((b) => b.version))
  results.forEach((res, i) => {
    if (res.status !== 'created') {
      throw new NodeError('internal', `storing the sighting of ${built[i]!.indicatorId} failed: ${res.status === 'rejected' ? res.message : res.status}`)
    }
  })
  return built.map((b) => ({ id: b.version.id, indicator_id: b.indicatorId, count: r.count, tlp: b.tlp, object: b.obj }))
}

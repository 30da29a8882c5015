import { sightingObservables } from '../sighting/index-key.js'
import { createHash, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import {
  buildPattern,
  indicatorNameFor,
  ipNetwork,
  normaliseObservable,
  parsePattern,
  patternDedupKey,
  TLP2_MARKING_IDS,
  type Observable,
  type Tlp,
} from '@certmesh/protocol'
import { NodeSigner } from '../sign/signer.js'
import { makeIdentity } from '../sign/identity.js'
import { openStore, type PreparedObservable, type PreparedVersion, type Store } from '../store/index.js'
import { silentLogger } from '../store/test-support.js'
import { TempDirGroup } from '../../../../test/temp-dir.js'

/**
 * Query tests run against real store files holding signed objects prepared by hand the
 * way the ingest pipeline prepares them: observable keys `${type}:${property}=${value}`,
 * networks for IPs, plus the `pattern:<dedup key>` pseudo-observable.
 */
export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
export const CREATED = '2025-01-01T00:00:00.000Z'

const dirs = new TempDirGroup('certmesh-query-')

export function openTempStore(): Store {
  return openStore(join(dirs.make(), 'node.db'), { now: () => NOW, logger: silentLogger })
}

export function removeTempStores(): void {
  dirs.removeAll()
}

export function signerOf(n: number): NodeSigner {
  return new NodeSigner(new Uint8Array(32).fill(n))
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

export function preparedObservable(o: Observable): PreparedObservable {
  if (o.type !== 'ipv4-addr' && o.type !== 'ipv6-addr') return { key: o.key, type: o.type, property: o.property, value: o.value }
  const n = ipNetwork(o.value)
  return { key: o.key, type: o.type, property: o.property, value: o.value, network: { version: n.version, bytes: n.bytes, prefix: n.prefix } }
}

export interface IndicatorSpec {
  /** [type, property, value] triples, normalised here. */
  readonly values: readonly (readonly [string, string, string])[]
  /** Signing node; null = unsigned local object. */
  readonly signer: NodeSigner | null
  readonly id?: string
  readonly modified?: string
  readonly createdByRef?: string | null
  readonly tlp?: Tlp
  readonly confidence?: number
  readonly validFrom?: string
  readonly validUntil?: string
  readonly revoked?: boolean
  readonly labels?: string[]
  readonly description?: string
  readonly flags?: string[]
  readonly origin?: string
  /** Store pretty-printed JSON, to prove exports splice the exact bytes. */
  readonly pretty?: boolean
}

export function preparedIndicator(spec: IndicatorSpec): PreparedVersion {
  const observables = spec.values.map(([t, p, v]) => normaliseObservable(t, p, v))
  const first = observables[0] as Observable
  const pattern = buildPattern(observables)
  const tlp = spec.tlp ?? 'green'
  const createdByRef = spec.createdByRef === undefined ? spec.signer?.identityId : (spec.createdByRef ?? undefined)
  const validFrom = spec.validFrom ?? CREATED
  const body: Record<string, unknown> = {
    type: 'indicator',
    spec_version: '2.1',
    id: spec.id ?? `indicator--${randomUUID()}`,
    created: CREATED,
    modified: spec.modified ?? CREATED,
    ...(createdByRef !== undefined ? { created_by_ref: createdByRef } : {}),
    name: indicatorNameFor(first),
    pattern,
    pattern_type: 'stix',
    valid_from: validFrom,
    ...(spec.validUntil !== undefined ? { valid_until: spec.validUntil } : {}),
    ...(spec.confidence !== undefined ? { confidence: spec.confidence } : {}),
    ...(spec.labels !== undefined ? { labels: spec.labels } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
    ...(spec.revoked === true ? { revoked: true } : {}),
    object_marking_refs: [TLP2_MARKING_IDS[tlp]],
  }
  const signed = spec.signer === null ? body : spec.signer.sign(body)
  const json = spec.pretty === true ? JSON.stringify(signed, null, 2) : JSON.stringify(signed)
  const dedup = patternDedupKey(parsePattern(pattern))
  return {
    id: body.id as string,
    type: 'indicator',
    specVersion: '2.1',
    created: CREATED,
    modified: body.modified as string,
    ...(createdByRef !== undefined ? { createdByRef } : {}),
    ...(spec.signer !== null ? { signer: spec.signer.publicKeyB64 } : {}),
    json,
    hash: sha256(json),
    revoked: spec.revoked === true,
    tlp,
    ...(spec.confidence !== undefined ? { confidence: spec.confidence } : {}),
    validFrom: Date.parse(validFrom),
    ...(spec.validUntil !== undefined ? { validUntil: Date.parse(spec.validUntil) } : {}),
    observables: [
      ...observables.map(preparedObservable),
      { key: `pattern:${dedup}`, type: 'pattern', property: 'pattern', value: dedup },
    ],
    ...(spec.flags !== undefined ? { flags: spec.flags } : {}),
    origin: spec.origin ?? (spec.signer === null ? 'local' : 'import'),
  }
}

export function preparedIdentity(signer: NodeSigner, name: string, origin = 'local'): PreparedVersion {
  const identity = makeIdentity(signer, name, new Date(CREATED))
  const json = JSON.stringify(identity)
  return {
    id: identity.id,
    type: 'identity',
    specVersion: '2.1',
    created: identity.created,
    modified: identity.modified,
    signer: signer.publicKeyB64,
    json,
    hash: sha256(json),
    revoked: false,
    tlp: 'clear',
    observables: [],
    origin,
  }
}

export interface SightingSpec {
  readonly signer: NodeSigner
  readonly of: string
  readonly count?: number
  readonly lastSeen?: string
  readonly id?: string
  readonly modified?: string
  readonly revoked?: boolean
}

export function preparedSighting(spec: SightingSpec): PreparedVersion {
  const modified = spec.modified ?? '2025-01-10T00:00:00.000Z'
  const body = spec.signer.sign({
    type: 'sighting',
    spec_version: '2.1',
    id: spec.id ?? `sighting--${randomUUID()}`,
    created: '2025-01-10T00:00:00.000Z',
    modified,
    created_by_ref: spec.signer.identityId,
    sighting_of_ref: spec.of,
    ...(spec.count !== undefined ? { count: spec.count } : {}),
    ...(spec.lastSeen !== undefined ? { first_seen: spec.lastSeen, last_seen: spec.lastSeen } : {}),
    ...(spec.revoked === true ? { revoked: true } : {}),
  })
  const json = JSON.stringify(body)
  return {
    id: body.id,
    type: 'sighting',
    specVersion: '2.1',
    created: body.created,
    modified,
    createdByRef: spec.signer.identityId,
    signer: spec.signer.publicKeyB64,
    json,
    hash: sha256(json),
    revoked: spec.revoked === true,
    tlp: 'green',
    // As the ingest pipeline indexes every sighting (sighting/index-key.ts).
    observables: sightingObservables(body),
    origin: 'local',
  }
}

/** Stores a version and fails loudly when the store refuses it (a fixture bug). */
export function putOk(store: Store, v: PreparedVersion): PreparedVersion {
  const r = store.put(v)
  if (r.status !== 'created' && r.status !== 'updated') throw new Error(`fixture ${v.id} not stored: ${JSON.stringify(r)}`)
  return v
}

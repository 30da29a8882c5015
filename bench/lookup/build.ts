/**
 * A store of N indicators for bench/lookup, written with store.putBatch in batches of
 * 25,000 (the store's real write path: rules, observable index, CIDR index).
 *
 * Signing 1,000,000 objects would take minutes here, and the store never verifies (the
 * ingest pipeline does, before put), so every object carries the signature member of ONE
 * real signed object of its type: the JSON has the shape and size of a real indicator, its
 * hash is correct, but its signature does not verify. Do not use this store to test
 * verification.
 *
 * Ids are increasing v4-format UUIDs (…-4000-8000-<i in hex>) instead of random ones, so
 * the id-keyed B-trees are appended to rather than written all over: that keeps the 1M
 * build to a few minutes on a small machine. Lookups never search by id (they go from the
 * observable key to seq), so what they cost does not depend on it.
 */
import { createHash } from 'node:crypto'
import { buildPattern, markingIdForTlp, normaliseObservable as makeObservable, SigningPlan, signatureMember, type Observable } from '@certmesh/protocol'
import { prepareVersion } from '../../packages/node/src/ingest/prepare.js'
import type { NodeSigner } from '../../packages/node/src/sign/signer.js'
import type { Store } from '../../packages/node/src/store/index.js'

export const BUILD_BATCH = 25_000
const DAY_MS = 86_400_000

/** Ten observable kinds, cycled by i; CIDR kinds answer containment lookups. */
export const KINDS = ['ipv4', 'ipv4-cidr', 'ipv6', 'ipv6-cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256'] as const
export type Kind = (typeof KINDS)[number]

const hex = (i: number): string => createHash('sha256').update(`certmesh lookup bench ${i}`).digest('hex')

/** Indicator i's observable (type, property, normalised value); i ≥ count gives values not in the store. */
export function observableOf(i: number): Observable {
  const h = hex(i)
  const kind = KINDS[i % KINDS.length] as Kind
  const b = (k: number): number => parseInt(h.slice(2 * k, 2 * k + 2), 16)
  switch (kind) {
    case 'ipv4': return makeObservable('ipv4-addr', 'value', `${11 + (b(0) % 180)}.${b(1)}.${b(2)}.${b(3) | 1}`)
    case 'ipv4-cidr': return makeObservable('ipv4-addr', 'value', `${11 + (b(0) % 180)}.${b(1)}.${b(2)}.0/24`)
    case 'ipv6': return makeObservable('ipv6-addr', 'value', `2a02:${h.slice(0, 4).replace(/^0+(?=.)/, '')}:${h.slice(4, 8).replace(/^0+(?=.)/, '')}::${h.slice(8, 12).replace(/^0+(?=.)/, '')}`)
    case 'ipv6-cidr': return makeObservable('ipv6-addr', 'value', `2a03:${h.slice(0, 4).replace(/^0+(?=.)/, '')}:${h.slice(4, 8).replace(/^0+(?=.)/, '')}::/48`)
    case 'domain': return makeObservable('domain-name', 'value', `c2-${h.slice(0, 12)}.bad${i % 50}.org`)
    case 'url': return makeObservable('url', 'value', `http://dl-${h.slice(0, 10)}.example.net/p/${h.slice(10, 22)}?id=${i}`)
    case 'email': return makeObservable('email-addr', 'value', `phish${i}@${h.slice(0, 8)}.example.org`)
    case 'md5': return makeObservable('file', 'hashes.MD5', h.slice(0, 32))
    case 'sha1': return makeObservable('file', 'hashes.SHA-1', h.slice(0, 40))
    case 'sha256': return makeObservable('file', 'hashes.SHA-256', h)
  }
}

function indicator(i: number, o: Observable, signer: NodeSigner, now: string, until: string): Record<string, unknown> {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    created_by_ref: signer.identityId,
    created: now,
    modified: now,
    name: `bench ${o.type}`,
    indicator_types: ['malicious-activity'],
    pattern: buildPattern(o),
    pattern_type: 'stix',
    valid_from: now,
    valid_until: until,
    confidence: 70,
    object_marking_refs: [markingIdForTlp('green')],
  }
}

/** Builds the store; returns seconds taken. `onBatch` is called after every batch. */
export function buildStore(store: Store, signer: NodeSigner, count: number, nowMs: number, onBatch: (done: number) => void): number {
  const now = new Date(nowMs).toISOString()
  const until = new Date(nowMs + 365 * DAY_MS).toISOString()
  // One real signature per observable type, reused (see the file comment).
  const members = new Map<string, string>()
  const start = performance.now()
  for (let from = 0; from < count; from += BUILD_BATCH) {
    const batch = []
    for (let i = from; i < Math.min(count, from + BUILD_BATCH); i++) {
      const o = observableOf(i)
      const obj = indicator(i, o, signer, now, until)
      const plan = new SigningPlan(obj)
      let member = members.get(o.type)
      if (member === undefined) {
        member = signatureMember(signer.publicKeyB64, Buffer.from(signer.signAll([plan.message])[0] as Uint8Array).toString('base64url'))
        members.set(o.type, member)
      }
      const json = plan.signedJsonWith(member)
      batch.push(prepareVersion(obj, json, { origin: 'local', signer: signer.publicKeyB64, known: { observables: [o], dedupKey: buildPattern(o) } }))
    }
    store.putBatch(batch)
    onBatch(Math.min(count, from + BUILD_BATCH))
  }
  return (performance.now() - start) / 1000
}

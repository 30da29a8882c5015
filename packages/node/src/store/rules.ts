import { StoreInputError } from './errors.js'
import type { EquivocationResult, PreparedVersion, PutResult, RejectReason } from './types.js'
import { checkPrepared } from './validate.js'
import type { SameModifiedRow, WriteOps } from './write-ops.js'

/** DESIGN.md invariant 3: `modified` more than 10 minutes in the future is rejected. */
export const MAX_FUTURE_MS = 10 * 60 * 1000

function reject(reason: RejectReason, message: string): PutResult {
  return { status: 'rejected', reason, message }
}

const NO_ROWS: readonly SameModifiedRow[] = Object.freeze([])

const who = (signer: string | null): string => (signer === null ? 'unsigned (local)' : `key ${signer}`)

/**
 * Invariant 3, in the order that keeps the common case cheapest and the verdicts sound:
 * 1. same (id, modified, hash) → unchanged (an indexed read, also used by 4; skipped for an id never seen);
 * 2. modified beyond now + 10 min → future-modified;
 * 3. a signer other than the id's creator → not-creator (checked before 4, so a stranger
 *    cannot get a creator's version quarantined by sending a different body);
 * 4. same (id, modified), other body → equivocation: keep both, quarantine, flag origin;
 * 5. the id has a revoked version → revoked-final;
 * 6. store; it becomes current if newer, or if it is a revocation (revocation wins even
 *    when it arrives after a later version), else it is history.
 */
export function applyPut(ops: WriteOps, v: PreparedVersion): PutResult {
  const { modifiedKey } = checkPrepared(v)
  const head = ops.head(v.id)
  // Every stored version has a head row (written with the first version, or by a proof),
  // so a new id (the bulk of any import) skips the version read.
  const same = head ? ops.sameModified(head.oid, modifiedKey) : NO_ROWS
  const exact = same.find((r) => r.hash === v.hash)
  if (exact) return { status: 'unchanged', seq: exact.seq }

  const now = ops.now()
  if (modifiedKey > ops.keyOf(now + MAX_FUTURE_MS)) {
    return reject('future-modified', `${v.id}: modified ${v.modified} is more than 10 minutes after this node's clock (${new Date(now).toISOString()})`)
  }
  const signer = v.signer ?? null
  if (head && head.signer !== signer) {
    return reject('not-creator', `${v.id}: signed by ${who(signer)}, but its earlier versions are by ${who(head.signer)}`)
  }
  if (head && same.length > 0) return equivocate(ops, head.oid, v, modifiedKey, same)
  if (head && head.revoked_final === 1) {
    return reject('revoked-final', `${v.id}: the object is revoked; no other version (${v.modified}) is accepted`)
  }

  if (!head) {
    const oid = ops.nextOid()
    const seq = ops.insertVersion(oid, v, modifiedKey, 'valid')
    ops.insertHead(oid, v.id, v.type, signer, seq, modifiedKey, v.revoked)
    return { status: 'created', seq }
  }
  const seq = ops.insertVersion(head.oid, v, modifiedKey, 'valid')
  if (v.revoked || head.modified_key === null || modifiedKey > head.modified_key) {
    ops.setCurrent(head.oid, seq, modifiedKey, v.revoked)
    return { status: 'updated', seq }
  }
  return { status: 'older-version', seq }
}

function equivocate(ops: WriteOps, oid: number, v: PreparedVersion, modifiedKey: string, same: readonly SameModifiedRow[]): PutResult {
  const alreadyQuarantined = same.some((r) => r.status === 'quarantined')
  const first = same[0] as SameModifiedRow
  ops.insertVersion(oid, v, modifiedKey, 'quarantined')
  ops.quarantine(oid, modifiedKey)
  ops.insertProof({
    id: v.id, modified: v.modified, modifiedKey, signer: v.signer ?? null, origin: v.origin,
    a: ops.body(first.seq), b: v,
  })
  ops.flagOrigin(v.origin, 'equivocation')
  ops.recomputeCurrent(oid)
  return alreadyQuarantined
    ? reject('quarantined', `${v.id}: version ${v.modified} is already quarantined for equivocation; this further body (sha256 ${v.hash}) is kept as proof`)
    : reject('equivocation', `${v.id}: two different bodies for version ${v.modified} (sha256 ${first.hash} and ${v.hash}); both kept as proof and quarantined, origin '${v.origin}' flagged`)
}

/**
 * A proof handed over whole (e.g. relayed by a peer): both bodies, already verified by the
 * caller as signed by the same key. Stores any body not yet here as quarantined, quarantines
 * the version, records the proof and flags `origin`.
 */
export function applyEquivocationProof(ops: WriteOps, a: PreparedVersion, b: PreparedVersion, origin: string): EquivocationResult {
  const ka = checkPrepared(a).modifiedKey
  const kb = checkPrepared(b).modifiedKey
  if (a.id !== b.id || ka !== kb) {
    throw new StoreInputError(`recordEquivocation: ${a.id}@${a.modified} and ${b.id}@${b.modified} are not the same version`)
  }
  if (a.hash === b.hash) throw new StoreInputError(`recordEquivocation: ${a.id}@${a.modified}: both bodies have the same hash`)
  const signer = a.signer ?? null
  if ((b.signer ?? null) !== signer) {
    throw new StoreInputError(`recordEquivocation: ${a.id}@${a.modified}: the two bodies have different signers, which is not equivocation`)
  }
  const head = ops.head(a.id)
  if (head && head.signer !== signer) {
    return { status: 'rejected', reason: 'not-creator', message: `${a.id}: proof signed by ${who(signer)}, but the object is by ${who(head.signer)}` }
  }
  let oid = head?.oid
  if (oid === undefined) {
    oid = ops.nextOid()
    ops.insertHead(oid, a.id, a.type, signer, null, null, false)
  }
  const present = new Set(ops.sameModified(oid, ka).map((r) => r.hash))
  for (const x of [a, b]) if (!present.has(x.hash)) ops.insertVersion(oid, x, ka, 'quarantined')
  const quarantined = ops.quarantine(oid, ka)
  const recorded = ops.insertProof({ id: a.id, modified: a.modified, modifiedKey: ka, signer, origin, a, b })
  if (recorded) ops.flagOrigin(origin, 'equivocation')
  ops.recomputeCurrent(oid)
  return { status: recorded ? 'recorded' : 'known', quarantined }
}

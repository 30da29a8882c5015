/**
 * Signature and STIX checks of received objects (DESIGN.md invariant 1). They are pure
 * functions of the text, so they can run on the main thread or in worker threads
 * (verify-pool.ts) while the main thread writes the previous batch.
 */
import { validateObject, verifyObject, type VerifyFailureReason } from '@certmesh/protocol'
import { sha256Hex } from '../ingest/sha256.js'
import { activeEd25519 } from '../sign/ed25519.js'

export type CheckOutcome =
  /** `hash`: the text's SHA-256 (hex), which the store needs; computed here so a worker thread does it. */
  | { ok: true; signer: string; hash: string }
  | { ok: false; reason: VerifyFailureReason | 'malformed' | 'invalid-stix'; message: string }

/** Verifies the certmesh signature (against the key in the object: the creator's, never the relay's), then validates STIX 2.1. */
export function checkObjectText(text: string): CheckOutcome {
  let obj: unknown
  try {
    obj = JSON.parse(text)
  } catch (err) {
    return { ok: false, reason: 'malformed', message: `not JSON: ${(err as Error).message.slice(0, 120)}` }
  }
  const v = verifyObject(obj, activeEd25519())
  if (!v.ok) return { ok: false, reason: v.reason, message: v.message }
  const issues = validateObject(obj)
  if (issues.length > 0) return { ok: false, reason: 'invalid-stix', message: issues.slice(0, 3).map((i) => i.message).join('; ') }
  return { ok: true, signer: v.publicKeyB64, hash: sha256Hex(text) }
}

export interface Verifier {
  check(texts: readonly string[]): Promise<CheckOutcome[]>
  /** Optional load feedback: whether the caller had to wait for a batch's checks. */
  balance?(waited: boolean): void
  close(): Promise<void>
}

/** Runs the checks in this thread. */
export const inlineVerifier: Verifier = {
  check: async (texts) => texts.map(checkObjectText),
  close: async () => {},
}

/**
 * bench/protocol: sign, verify, canonicalize and pattern-parse throughput, the portable
 * (@noble/ed25519) and node:crypto implementations side by side in one run.
 *
 *   pnpm bench:protocol
 */
import {
  canonicalize,
  nobleEd25519,
  parsePattern,
  patternDedupKey,
  signedBytes,
  signObject,
  verifyObject,
} from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import canonicalizeReference from 'canonicalize'
import { measure, printTable } from '../lib/measure.js'

const seed = new Uint8Array(32).map((_, i) => i + 1)
const indicator = {
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2026-11-28T10:00:00.000Z',
  modified: '2026-11-28T10:00:00.000Z',
  created_by_ref: 'identity--00000000-0000-4000-8000-000000000000',
  name: 'C2 server of campaign Nordlicht',
  indicator_types: ['malicious-activity'],
  pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix',
  valid_from: '2026-11-28T10:00:00.000Z',
  valid_until: '2026-12-28T10:00:00.000Z',
  confidence: 80,
  labels: ['c2', 'nordlicht'],
  object_marking_refs: ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'],
}
const unsigned = { ...indicator, created_by_ref: undefined }
delete unsigned.created_by_ref
const signed = signObject(unsigned, seed, nodeEd25519)
const message = signedBytes(signed)
const publicKey = nodeEd25519.getPublicKey(seed)
const signature = nodeEd25519.sign(message, seed)

const rows = {
  sign: [
    measure('node:crypto sign', () => nodeEd25519.sign(message, seed)),
    measure('noble sign', () => nobleEd25519.sign(message, seed)),
  ],
  verify: [
    measure('node:crypto verify', () => nodeEd25519.verify(signature, message, publicKey)),
    measure('noble verify', () => nobleEd25519.verify(signature, message, publicKey)),
  ],
  object: [
    measure('signObject (node:crypto)', () => signObject(unsigned, seed, nodeEd25519)),
    measure('verifyObject (node:crypto)', () => verifyObject(signed, nodeEd25519)),
    measure('verifyObject (noble)', () => verifyObject(signed, nobleEd25519)),
  ],
  canonical: [
    measure('certmesh canonicalize', () => canonicalize(signed)),
    measure('reference canonicalize 5', () => canonicalizeReference(signed)),
    measure('JSON.stringify (no sorting)', () => JSON.stringify(signed)),
  ],
}
const patterns = [
  "[ipv4-addr:value = '198.51.100.7']",
  "[file:hashes.'SHA-256' = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855' OR file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']",
  "([network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_port = 443] FOLLOWEDBY [url:value = 'https://example.com/a?b=c']) WITHIN 300 SECONDS",
]
const patternRows = patterns.map((p, i) => measure(`parse pattern #${i + 1} (${p.length} chars)`, () => parsePattern(p)))
const parsed = parsePattern(patterns[1]!)
patternRows.push(measure('patternDedupKey #2', () => patternDedupKey(parsed)))

process.stdout.write(`certmesh bench/protocol — node ${process.version}, ${new Date().toISOString()}\n`)
printTable('Ed25519 sign (one indicator, canonical bytes)', rows.sign, rows.sign[1])
printTable('Ed25519 verify', rows.verify, rows.verify[1])
printTable('Whole object: canonicalize + sign/verify', rows.object, rows.object[2])
printTable('RFC 8785 canonicalization of a signed indicator', rows.canonical, rows.canonical[1])
printTable('STIX pattern parsing', patternRows)

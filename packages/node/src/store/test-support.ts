import { createHash, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import { TempDirGroup } from '../../../../test/temp-dir.js'
import type { Logger } from '../log.js'
import type { PreparedObservable, PreparedVersion } from './types.js'

/** Helpers for the store's tests: real files in a temp dir (durability is about files, not `:memory:`). */
const dirs = new TempDirGroup('certmesh-store-')

export function tempDbPath(name = 'node.db'): string {
  return join(dirs.make(), name)
}

export function removeTempDirs(): void {
  dirs.removeAll()
}

export const silentLogger: Logger = {
  namespace: 'test',
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  child: () => silentLogger,
}

export const KEY_A = 'A'.repeat(43)
export const KEY_B = 'B'.repeat(43)

export interface VersionSpec extends Partial<Omit<PreparedVersion, 'json' | 'hash'>> {
  /** Extra text in the body, to make two bodies of one (id, modified) differ. */
  readonly note?: string
}

export function newId(type = 'indicator'): string {
  return `${type}--${randomUUID()}`
}

/** A PreparedVersion whose json is a small deterministic text and hash its real SHA-256. */
export function version(spec: VersionSpec = {}): PreparedVersion {
  const type = spec.type ?? 'indicator'
  const id = spec.id ?? newId(type)
  const modified = spec.modified ?? '2024-01-01T00:00:00.000Z'
  const created = spec.created ?? '2024-01-01T00:00:00.000Z'
  const revoked = spec.revoked ?? false
  const json = JSON.stringify({ type, spec_version: '2.1', id, created, modified, revoked, note: spec.note ?? '' })
  const base: PreparedVersion = {
    id,
    type,
    specVersion: spec.specVersion ?? '2.1',
    created,
    modified,
    json,
    hash: createHash('sha256').update(json, 'utf8').digest('hex'),
    revoked,
    tlp: spec.tlp ?? 'green',
    observables: spec.observables ?? [],
    origin: spec.origin ?? 'local',
  }
  const withSigner = 'signer' in spec ? spec : { ...spec, signer: KEY_A }
  return {
    ...base,
    ...(withSigner.signer !== undefined ? { signer: withSigner.signer } : {}),
    ...(spec.createdByRef !== undefined ? { createdByRef: spec.createdByRef } : {}),
    ...(spec.confidence !== undefined ? { confidence: spec.confidence } : {}),
    ...(spec.validFrom !== undefined ? { validFrom: spec.validFrom } : {}),
    ...(spec.validUntil !== undefined ? { validUntil: spec.validUntil } : {}),
    ...(spec.flags !== undefined ? { flags: spec.flags } : {}),
  }
}

export function ipv4(text: string): Uint8Array {
  return Uint8Array.from(text.split('.').map(Number))
}

/** Full-form or `::`-compressed IPv6 text to 16 bytes (test inputs only). */
export function ipv6(text: string): Uint8Array {
  const [head = '', tail] = text.split('::')
  const h = head === '' ? [] : head.split(':')
  const t = tail === undefined || tail === '' ? [] : tail.split(':')
  const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t]
  const out = new Uint8Array(16)
  groups.forEach((g, i) => {
    const n = parseInt(g, 16)
    out[i * 2] = n >> 8
    out[i * 2 + 1] = n & 0xff
  })
  return out
}

export function cidrObservable(text: string): PreparedObservable {
  const [addr = '', len] = text.split('/')
  const v6 = addr.includes(':')
  const prefix = len === undefined ? (v6 ? 128 : 32) : Number(len)
  const type = v6 ? 'ipv6-addr' : 'ipv4-addr'
  return {
    key: `${type}:${text}`,
    type,
    property: `${type}:value`,
    value: text,
    network: { version: v6 ? 6 : 4, bytes: v6 ? ipv6(addr) : ipv4(addr), prefix },
  }
}

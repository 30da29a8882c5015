import { isObservableType, typeNameProblem, OBSERVABLE_TYPES } from '@certmesh/protocol'
import { BadRequestError } from '../errors.js'
import { showLookupValue } from './recognise.js'

/**
 * GET /api/v1/export options (docs/http-api.md) and what `type` means per format:
 * - `stix`: a STIX object type (`indicator` when absent, `identity`, `sighting`, …);
 * - `csv`, `txt`: an observable type (`ipv4-addr`, `domain-name`, `file`, …) or one of the
 *   short names below (`ip` = both address families, `sha256` = SHA-256 file hashes only).
 * `includeRevoked` only exists for `stix` (a SIEM needs revocations to delete what it
 * holds); csv and txt are feeds for blocking and are always active only.
 */
export type ExportFormat = 'stix' | 'csv' | 'txt'
export const EXPORT_FORMATS: readonly ExportFormat[] = ['stix', 'csv', 'txt']

export interface ExportOptions {
  readonly format: ExportFormat
  readonly type?: string
  /** 0-100; objects without a confidence are left out when set (fail closed, as feeds). */
  readonly minConfidence?: number
  readonly includeRevoked?: boolean
  /** Epoch milliseconds. */
  readonly now?: number
}

export const CONTENT_TYPES: Readonly<Record<ExportFormat, string>> = {
  // TAXII 2.1 §1.6.8 media type of a STIX 2.1 bundle.
  stix: 'application/stix+json;version=2.1',
  // RFC 4180 §3: text/csv with the optional header parameter.
  csv: 'text/csv; charset=utf-8; header=present',
  txt: 'text/plain; charset=utf-8',
}

/** Which observables a csv/txt export keeps. */
export interface ObservableFilter {
  readonly storeType?: string
  readonly types?: ReadonlySet<string>
  readonly property?: string
}

const SHORT_NAMES: Readonly<Record<string, ObservableFilter>> = {
  ip: { types: new Set(['ipv4-addr', 'ipv6-addr']) },
  ipv4: { storeType: 'ipv4-addr' },
  ipv6: { storeType: 'ipv6-addr' },
  domain: { storeType: 'domain-name' },
  email: { storeType: 'email-addr' },
  regkey: { storeType: 'windows-registry-key' },
  hash: { storeType: 'file' },
  md5: { storeType: 'file', property: 'hashes.MD5' },
  sha1: { storeType: 'file', property: 'hashes.SHA-1' },
  sha256: { storeType: 'file', property: 'hashes.SHA-256' },
  sha512: { storeType: 'file', property: 'hashes.SHA-512' },
}

export interface CheckedExport {
  readonly format: ExportFormat
  readonly stixType: string
  readonly filter: ObservableFilter
  readonly minConfidence: number | undefined
  readonly includeRevoked: boolean
  readonly now: number
}

export function checkExportOptions(o: ExportOptions): CheckedExport {
  if (!EXPORT_FORMATS.includes(o.format)) {
    throw new BadRequestError(`export: format ${showLookupValue(String(o.format))} is not one of ${EXPORT_FORMATS.join(', ')}`)
  }
  const min = o.minConfidence
  if (min !== undefined && !(Number.isInteger(min) && min >= 0 && min <= 100)) {
    throw new BadRequestError(`export: min_confidence must be a whole number from 0 to 100, got ${String(min)}`)
  }
  let stixType = 'indicator'
  let filter: ObservableFilter = {}
  if (o.type !== undefined && o.format === 'stix') {
    const problem = typeNameProblem(o.type)
    if (problem !== undefined) throw new BadRequestError(`export: type ${showLookupValue(o.type)} is not a STIX type name: it ${problem}`)
    stixType = o.type
  } else if (o.type !== undefined) {
    const name = o.type.trim().toLowerCase()
    const short = Object.hasOwn(SHORT_NAMES, name) ? SHORT_NAMES[name] : undefined
    if (short !== undefined) filter = short
    else if (isObservableType(name)) filter = { storeType: name }
    else {
      throw new BadRequestError(
        `export: type ${showLookupValue(o.type)} is not an observable type; use one of ` +
          `${[...OBSERVABLE_TYPES, ...Object.keys(SHORT_NAMES)].join(', ')}`,
      )
    }
  }
  return {
    format: o.format,
    stixType,
    filter,
    minConfidence: min,
    includeRevoked: o.format === 'stix' && o.includeRevoked === true,
    now: o.now ?? Date.now(),
  }
}

/** True when a csv/txt export keeps this observable (the ingest pseudo-observables never). */
export function keepsObservable(f: ObservableFilter, type: string, property: string): boolean {
  if (!isObservableType(type)) return false
  if (f.storeType !== undefined && type !== f.storeType) return false
  if (f.types !== undefined && !f.types.has(type)) return false
  return f.property === undefined || f.property === property
}

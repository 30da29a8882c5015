import { StoreInputError } from './errors.js'
import { checkAddress, checkPrefix } from './ip.js'
import { parseStixTimestamp } from './timestamp.js'
import type { PreparedVersion } from './types.js'

/** `created` is only stored and shown, never compared, so its shape is enough. */
const STIX_TIMESTAMP_SHAPE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/
const HEX_SHA256 = /^[0-9a-f]{64}$/
const BASE64URL = /^[A-Za-z0-9_-]+$/
/** STIX 2.1 §2.9 identifier: `<type>--<UUID>`. */
const STIX_ID = /^([a-z0-9][a-z0-9-]*)--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

export interface CheckedVersion {
  /** Normalised sort/identity key of `modified` (see timestamp.ts). */
  readonly modifiedKey: string
  readonly modifiedMs: number
}

/**
 * Shape checks on what the ingest pipeline hands over. These catch bugs upstream (the
 * pipeline has already validated the STIX), so they throw instead of returning a rejection.
 */
export function checkPrepared(v: PreparedVersion): CheckedVersion {
  const where = `put ${v.id}`
  const id = STIX_ID.exec(v.id)
  if (!id) throw new StoreInputError(`${where}: id is not a STIX identifier (type--uuid)`)
  if (id[1] !== v.type) throw new StoreInputError(`${where}: type '${v.type}' does not match the id's type '${id[1]}'`)
  if (!HEX_SHA256.test(v.hash)) throw new StoreInputError(`${where}: hash must be 64 lower-case hex digits`)
  if (v.signer !== undefined && !BASE64URL.test(v.signer)) throw new StoreInputError(`${where}: signer is not base64url`)
  if (typeof v.json !== 'string' || v.json.length === 0) throw new StoreInputError(`${where}: json text is empty`)
  if (v.origin.length === 0) throw new StoreInputError(`${where}: origin is empty`)
  if (!STIX_TIMESTAMP_SHAPE.test(v.created)) throw new StoreInputError(`${where}: created '${v.created}' is not a STIX timestamp`)
  const modified = parseStixTimestamp(v.modified, `${where} modified`)
  if (v.confidence !== undefined && (!Number.isInteger(v.confidence) || v.confidence < 0 || v.confidence > 100)) {
    throw new StoreInputError(`${where}: confidence must be an integer 0-100 (STIX 2.1 §3.2), got ${v.confidence}`)
  }
  for (const [name, ms] of [['validFrom', v.validFrom], ['validUntil', v.validUntil]] as const) {
    if (ms !== undefined && !Number.isSafeInteger(ms)) throw new StoreInputError(`${where}: ${name} must be integer epoch ms`)
  }
  v.observables.forEach((o, i) => {
    if (o.key.length === 0) throw new StoreInputError(`${where}: observable ${i} has an empty key`)
    if (o.network) {
      checkAddress(o.network.version, o.network.bytes, `${where}: observable ${i} network`)
      checkPrefix(o.network.version, o.network.prefix, `${where}: observable ${i} network`)
    }
  })
  return { modifiedKey: modified.key, modifiedMs: modified.ms }
}

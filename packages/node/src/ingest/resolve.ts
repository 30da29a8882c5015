/**
 * Type resolution for one indicator candidate: the parser fixed the STIX type (MISP), or
 * left a hint (a CSV `type` column: STIX names, short names, MISP types), or nothing (a
 * text list: detect it). The result is normalised (docs/protocol.md §8).
 */
import {
  detectObservable,
  makeObservable,
  normaliseObservable,
  ObservableError,
  resolveTypedValue,
  TYPE_ARGUMENT_NAMES,
  type Observable,
} from '@certmesh/protocol'
import { mapMispValue, mispTypeRule, type IndicatorCandidate } from './parse/index.js'

export type Resolved = { ok: true; observables: Observable[]; nameDetail?: string } | { ok: false; reason: string; message: string }

const fail = (reason: string, message: string): Resolved => ({ ok: false, reason, message })

function fromError(e: unknown): Resolved {
  if (e instanceof ObservableError) return fail(e.code, e.message)
  throw e
}

function fromMispType(hint: string, value: string): Resolved | undefined {
  const type = hint.trim().toLowerCase()
  const rule = mispTypeRule(type)
  if (rule === undefined) return undefined
  const mapped = mapMispValue(rule, type, value)
  if ('error' in mapped) return fail('invalid-value', mapped.error)
  try {
    const observables = mapped.parts.map((p) => normaliseObservable(p.stixType, p.property, p.value))
    return { ok: true, observables, ...(mapped.name !== undefined && { nameDetail: mapped.name }) }
  } catch (e) {
    return fromError(e)
  }
}

function fromHint(hint: string, value: string): Resolved {
  try {
    return { ok: true, observables: [resolveTypedValue(hint, value)] }
  } catch (e) {
    if (!(e instanceof ObservableError) || e.code !== 'unsupported-type') return fromError(e)
  }
  return (
    fromMispType(hint, value) ??
    fail('unsupported-type', `type '${hint}' is not a known observable type; use one of ${TYPE_ARGUMENT_NAMES.join(', ')}, or a MISP type such as ip-dst, domain|ip or filename|sha256`)
  )
}

function detect(value: string): Resolved {
  const found = detectObservable(value)
  if (found === undefined) {
    const shown = value.length > 80 ? `${value.slice(0, 80)}…` : value
    return fail('invalid-value', `'${shown}' is not a recognisable indicator (IP address or CIDR, domain, URL with scheme, e-mail address, MD5/SHA-1/SHA-256/SHA-512 hash or registry key)`)
  }
  // detectObservable has already normalised the value.
  return { ok: true, observables: [makeObservable(found.type, found.property, found.value)] }
}

export function resolveCandidate(c: IndicatorCandidate): Resolved {
  if (c.stixType !== '') {
    try {
      return { ok: true, observables: [normaliseObservable(c.stixType, c.property, c.value)] }
    } catch (e) {
      return fromError(e)
    }
  }
  const hint = c.typeHint ?? ''
  return hint.trim() === '' ? detect(c.value) : fromHint(hint, c.value)
}

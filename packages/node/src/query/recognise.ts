import {
  detectObservable,
  makeObservable,
  normaliseObservable,
  ObservableError,
  refang,
  resolveTypedValue,
  TYPE_ARGUMENT_NAMES,
  type Observable,
  type ObservableType,
} from '@certmesh/protocol'

/**
 * Turns one looked-up value into a normalised observable, or says precisely why it is
 * none. Two forms are read:
 * - `TYPE:VALUE` with a CLI type name (`sha256:…`, `domain:…`, `ip:…`, `ipv4-addr:…`), for
 *   values auto-detection cannot tell apart (a SHA3-256 looks like a SHA-256; `setup.exe`
 *   looks like a file name);
 * - anything else is auto-detected like a line of a plain-text IOC list (refanged).
 * `file:///…` and `scheme://…` stay URLs: a type prefix is never followed by `//`.
 */
export type Recognised = { ok: true; observable: Observable } | { ok: false; error: string }

/** detectObservable's own ceiling; longer values are refused before any parsing. */
export const MAX_LOOKUP_VALUE_CHARS = 8 * 1024

const TYPED = /^([A-Za-z][A-Za-z0-9-]{1,19}):(?!\/\/)([\s\S]*)$/
const TYPE_NAMES = new Set(TYPE_ARGUMENT_NAMES)
const SHOWN_MAX = 100

export function showLookupValue(value: string): string {
  const cut = value.length > SHOWN_MAX ? `${value.slice(0, SHOWN_MAX)}…` : value
  return JSON.stringify(cut)
}

export function recogniseValue(raw: string): Recognised {
  const text = raw.trim()
  if (text === '') return { ok: false, error: 'the value is empty' }
  if (text.length > MAX_LOOKUP_VALUE_CHARS) {
    return { ok: false, error: `the value is ${text.length} characters long; the limit is ${MAX_LOOKUP_VALUE_CHARS}` }
  }
  const typed = TYPED.exec(text)
  const typeName = typed?.[1]?.toLowerCase()
  if (typed !== null && typeName !== undefined && TYPE_NAMES.has(typeName)) {
    try {
      return { ok: true, observable: resolveTypedValue(typeName, refang((typed[2] ?? '').trim())) }
    } catch (e) {
      if (e instanceof ObservableError) return { ok: false, error: e.message }
      throw e
    }
  }
  const found = detectObservable(text)
  if (found !== undefined) return { ok: true, observable: makeObservable(found.type, found.property, found.value) }
  return { ok: false, error: explain(refang(text)) }
}

const DOTTED = /^[\d.]+(\/\d*)?$/
const HEX = /^[0-9A-Fa-f]+$/
const IPV6_SHAPED = /^[[\]0-9A-Fa-f:./]+$/

/** The normaliser's own complaint when the value has the shape of one type. */
function complaint(type: ObservableType, property: string, text: string): string | undefined {
  try {
    normaliseObservable(type, property, text)
    return undefined
  } catch (e) {
    if (e instanceof ObservableError) return e.message
    throw e
  }
}

/** Why auto-detection failed, from the shape of the value (same guesses as detectObservable). */
function explain(text: string): string {
  const shown = showLookupValue(text)
  if (DOTTED.test(text)) return complaint('ipv4-addr', 'value', text) ?? `${shown} is not an IPv4 address or CIDR block`
  if (HEX.test(text)) {
    return `${shown} looks like a hash but has ${text.length} hexadecimal digits; MD5, SHA-1, SHA-256 and SHA-512 have 32, 40, 64 and 128`
  }
  if (text.includes('://')) return complaint('url', 'value', text) ?? `${shown} is not a valid URL`
  if (IPV6_SHAPED.test(text) && text.includes(':')) return complaint('ipv6-addr', 'value', text) ?? `${shown} is not an IPv6 address`
  if (text.includes('@') && !/\s/.test(text)) return complaint('email-addr', 'value', text) ?? `${shown} is not an e-mail address`
  if (text.includes('.') && !/[\s/\\:@]/.test(text)) {
    const problem = complaint('domain-name', 'value', text)
    if (problem !== undefined) return problem
    return (
      `${shown} reads as a file name, not a domain (its last label is not a top-level domain); ` +
      `write 'domain:${text.slice(0, SHOWN_MAX)}' to look it up as a domain`
    )
  }
  return (
    `${shown} is not a recognisable IP address, CIDR block, domain name, URL, e-mail address, MD5/SHA-1/SHA-256/SHA-512 ` +
    "hash or registry key; write it as TYPE:VALUE (e.g. 'domain:…', 'sha256:…') to name its type"
  )
}

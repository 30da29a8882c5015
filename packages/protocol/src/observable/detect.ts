import { ObservableError } from './errors.js'
import { normaliseObservable } from './normalise.js'
import { refang } from './refang.js'
import { startsWithHive } from './registry.js'
import type { ObservableType } from './types.js'

export interface DetectedObservable {
  type: ObservableType
  property: string
  value: string
}

const IPV4_OR_CIDR = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,3})?$/
// Character classes only (no nested quantifiers), so a hostile line cannot make them backtrack.
const IPV6_CHARS = /^[[\]0-9A-Fa-f:./]+$/
const HEX = /^[0-9A-Fa-f]+$/
const HASH_BY_LENGTH: Readonly<Record<number, string>> = { 32: 'MD5', 40: 'SHA-1', 64: 'SHA-256', 128: 'SHA-512' }
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//
// A top-level label that looks real: letters only, or an IDN A-label ('xn--p1ai').
const TLD_LIKE = /^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/
// File extensions that look like top-level labels but are not delegated TLDs, so that a
// file name in an IOC list is not taken for a domain. Extensions that ARE TLDs (.zip,
// .mov, .py, .sh) cannot be told apart and are left as domains.
const FILE_EXTENSIONS = new Set(
  ('exe dll sys scr bat cmd vbs vbe js jse wsf hta lnk msi msp cpl ocx doc docx docm xls xlsx xlsm ppt pptx ' +
    'pdf rtf txt log tmp dat bin ini cfg jar rar iso img vhd vhdx elf dmg apk php aspx asp jsp html htm xml json ' +
    'csv eml msg png jpg jpeg gif bmp svg ico')
    .split(' '),
)


function tryNormalise(type: ObservableType, property: string, value: string): DetectedObservable | undefined {
  try {
    const o = normaliseObservable(type, property, value)
    return { type: o.type, property: o.property, value: o.value }
  } catch (e) {
    if (e instanceof ObservableError) return undefined
    throw e
  }
}

function isEmailShaped(text: string): boolean {
  const at = text.indexOf('@')
  return at > 0 && at === text.lastIndexOf('@') && !/\s/.test(text) && text.indexOf('.', at) > at + 1 && !text.endsWith('.')
}

function guessType(text: string): [ObservableType, string] | undefined {
  if (SCHEME.test(text)) return ['url', 'value']
  if (IPV4_OR_CIDR.test(text)) return ['ipv4-addr', 'value']
  if (IPV6_CHARS.test(text) && text.includes(':') && /[0-9A-Fa-f]/.test(text)) return ['ipv6-addr', 'value']
  if (HEX.test(text)) {
    const algorithm = HASH_BY_LENGTH[text.length]
    return algorithm === undefined ? undefined : ['file', `hashes.${algorithm}`]
  }
  if (startsWithHive(text) && text.includes('\\')) return ['windows-registry-key', 'key']
  if (isEmailShaped(text)) return ['email-addr', 'value']
  if (text.includes('.') && !/[\s/\\:@]/.test(text)) return ['domain-name', 'value']
  return undefined
}

/**
 * Recognises one line of a plain-text IOC list: trims it (a trailing '\r' of CRLF lists
 * included), refangs it, guesses the type (URL with a scheme, IPv4/IPv6 and their
 * CIDRs, MD5/SHA-1/SHA-256/SHA-512 by hex length, registry key, e-mail address, domain
 * with a TLD-looking last label) and returns the normalised observable, or undefined
 * when the line is none of these or does not normalise.
 */
export function detectObservable(raw: string): DetectedObservable | undefined {
  const text = refang(raw.replace(/^\uFEFF/, '').trim())
  if (text === '' || text.length > 8 * 1024) return undefined
  const guess = guessType(text)
  if (guess === undefined) return undefined
  const [type, property] = guess
  const found = tryNormalise(type, property, text)
  if (found === undefined || type !== 'domain-name') return found
  const labels = found.value.split('.')
  const last = labels[labels.length - 1] ?? ''
  return TLD_LIKE.test(last) && !FILE_EXTENSIONS.has(last) ? found : undefined
}

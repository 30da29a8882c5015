import { failFor, type Fail } from './errors.js'

/**
 * x509-certificate:serial_number. Tools print serials as 'de:ad:be:ef', 'DE AD BE EF',
 * '0xdeadbeef' or '00deadbeef'; the serial is an integer (RFC 5280 §4.1.2.2), so the
 * canonical form is lower-case hex without separators or leading zeros ('0' for zero).
 * Decimal serials cannot be told apart from hex and are read as hex.
 */
export function normaliseSerialNumber(value: string): string {
  const fail: Fail = failFor('x509-certificate', 'serial_number', value)
  let hex = value.toLowerCase().replace(/[\s:.-]/g, '')
  if (hex.startsWith('0x')) hex = hex.slice(2)
  if (hex === '') fail('the serial number has no digits')
  if (!/^[0-9a-f]+$/.test(hex)) fail('a serial number is hexadecimal digits, optionally separated by \':\', \' \' or \'-\'')
  // RFC 5280 §4.1.2.2: at most 20 octets; allow a sign octet and sloppy issuers.
  if (hex.length > 64) fail(`the serial number has ${hex.length} hexadecimal digits; at most 64 are accepted`)
  return hex.replace(/^0+(?=.)/, '')
}

/** x509-certificate:subject / issuer: distinguished names are compared as written, trimmed. */
export function normaliseDistinguishedName(value: string): string {
  return value
}

import { failFor, type Fail } from './errors.js'
import { asciiHost } from './domain.js'
import { MAX_EMAIL_LENGTH, MAX_EMAIL_LOCAL_LENGTH } from './limits.js'
import { utf8Length } from './text.js'

// RFC 5322 §3.2.3 atext plus '.', and any non-ASCII character (RFC 6531 SMTPUTF8).
// Dots are allowed anywhere: a few mail providers accept leading, trailing and double
// dots, and an indicator must match what was really sent.
const LOCAL_ASCII = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]$/

/**
 * email-addr:value: trimmed, the whole address lower-cased (the local part is
 * case-sensitive by RFC 5321 §2.4, but no real mailbox provider treats it so, and CERT
 * tools compare lower-case), the local part in Unicode NFC, the domain as punycode
 * A-labels. Quoted local parts and address literals ('user@[192.0.2.1]') are refused.
 */
export function normaliseEmail(value: string): string {
  const fail: Fail = failFor('email-addr', 'value', value)
  const parts = value.split('@')
  if (parts.length !== 2) fail(`an e-mail address has exactly one '@', this has ${parts.length - 1}`)
  const local = (parts[0] ?? '').normalize('NFC').toLowerCase()
  const domainText = parts[1] ?? ''
  if (local === '') fail("the local part (before '@') is empty")
  if (domainText === '') fail("the domain (after '@') is empty")
  if (local.startsWith('"')) fail('quoted local parts are not supported')
  if (domainText.startsWith('[')) fail("address literals ('user@[…]') are not supported")
  for (const ch of local) {
    if (ch.charCodeAt(0) < 0x80 && !LOCAL_ASCII.test(ch)) fail(`the character '${ch}' is not allowed in the local part`)
    if (/\s/u.test(ch)) fail('the local part contains white space')
  }
  if (utf8Length(local) > MAX_EMAIL_LOCAL_LENGTH) {
    fail(`the local part is ${utf8Length(local)} bytes long; the limit is ${MAX_EMAIL_LOCAL_LENGTH}`)
  }
  const domain = asciiHost(domainText, (p) => fail(`domain: ${p}`), { allowIpv4: false, allowPercent: false })
  const address = `${local}@${domain}`
  if (utf8Length(address) > MAX_EMAIL_LENGTH) {
    fail(`the address is ${utf8Length(address)} bytes long; the limit is ${MAX_EMAIL_LENGTH}`)
  }
  return address
}

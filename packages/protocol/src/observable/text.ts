import { ObservableError } from './errors.js'
import { MAX_URL_BYTES, MAX_VALUE_BYTES } from './limits.js'

/** UTF-8 length of a well-formed string, without allocating. */
export function utf8Length(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/
// C0 controls, DEL and C1 controls: never part of an indicator, often a sign of
// log-injection or a broken export.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/

/**
 * Checks shared by every type: a string, within the size limit, well-formed UTF-16, no
 * control characters once trimmed, not empty. Returns the trimmed value.
 */
export function guardValue(type: string, property: string, value: unknown): string {
  const fail = (code: 'empty' | 'too-long' | 'bad-characters' | 'invalid-value', problem: string, shown?: string): never => {
    throw new ObservableError(shown === undefined ? { code, type, property, problem } : { code, type, property, problem, value: shown })
  }
  if (typeof value !== 'string') return fail('invalid-value', `the value must be a string, not ${value === null ? 'null' : typeof value}`)
  const limit = type === 'url' ? MAX_URL_BYTES : MAX_VALUE_BYTES
  // A UTF-16 code unit is at least one UTF-8 byte, so a long string is rejected before it is measured.
  const bytes = value.length > limit ? value.length : utf8Length(value)
  if (value.length > limit || bytes > limit) {
    return fail('too-long', `the value is ${value.length > limit ? 'more than ' : ''}${bytes} bytes long; the limit is ${limit} bytes`)
  }
  if (LONE_SURROGATE.test(value)) return fail('bad-characters', 'the value contains an unpaired UTF-16 surrogate', value)
  const trimmed = value.trim()
  if (trimmed === '') return fail('empty', 'the value is empty')
  const control = CONTROL.exec(trimmed)
  if (control) {
    const hex = control[0].charCodeAt(0).toString(16).padStart(4, '0')
    return fail('bad-characters', `the value contains the control character U+${hex.toUpperCase()} at position ${control.index}`, value)
  }
  return trimmed
}

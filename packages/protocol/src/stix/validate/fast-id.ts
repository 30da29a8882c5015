/**
 * Fast path for the STIX 2.1 §2.9 identifier check the validator runs on every id and
 * reference. It accepts only identifiers it can prove valid by scanning character codes;
 * everything else goes to ../id.js, which stays the source of verdicts and messages.
 */
import { stixIdProblem } from '../id.js'

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)
}

/** True when `id` is certainly `<type>--<RFC 4122 v1-5 UUID>` with a valid type name. */
function fastValid(id: string): boolean {
  const n = id.length
  const at = n - 38
  // Type names are 3-250 characters (§3.1).
  if (at < 3 || at > 250 || id.charCodeAt(at) !== 45 || id.charCodeAt(at + 1) !== 45) return false
  const first = id.charCodeAt(0)
  if (first < 97 || first > 122) return false
  let prevDash = false
  for (let i = 1; i < at; i++) {
    const c = id.charCodeAt(i)
    if (c === 45) {
      if (prevDash) return false
      prevDash = true
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      prevDash = false
    } else {
      return false
    }
  }
  if (prevDash) return false
  const u = at + 2
  for (let i = 0; i < 36; i++) {
    const c = id.charCodeAt(u + i)
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false
    } else if (!isHex(c)) {
      return false
    }
  }
  const version = id.charCodeAt(u + 14)
  if (version < 49 || version > 53) return false
  const variant = id.charCodeAt(u + 19)
  return variant === 56 || variant === 57 || variant === 97 || variant === 98 || variant === 65 || variant === 66
}

/** Same result as stixIdProblem. */
export function idProblem(id: string): string | undefined {
  return fastValid(id) ? undefined : stixIdProblem(id)
}

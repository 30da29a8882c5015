import { parseIpPrefix, parseIpv6, type IpPrefix } from './ip.js'
import { translatePcre } from './pcre.js'
import type { WarninglistType } from './types.js'

/**
 * Which names a name entry covers. `exact`: the value itself (a `string` entry).
 * `self-and-sub`: the value or any sub-domain (a `hostname` entry). `sub`: sub-domains
 * only (an entry written with a leading dot, `.microsoft.com`, in either list type:
 * upstream lists pair `azure.com` with `.azure.com`, so the dot form means "below").
 */
export type NameScope = 'exact' | 'self-and-sub' | 'sub'

export type CompiledEntry =
  | { kind: 'prefix'; prefix: IpPrefix }
  | { kind: 'name'; key: string; scope: NameScope }
  | { kind: 'substring'; needle: string }
  | { kind: 'regex'; regex: RegExp }

export type EntryResult = { ok: true; compiled: CompiledEntry[] } | { ok: false; problem: string }

/** Key under which an IPv6 address in a `string` list is indexed, independent of how it was written. */
export function ipv6NameKey(hex: string): string {
  return '\u0000' + hex
}

const WHITESPACE = /\s/

/** Compile one entry of a list of type `type`; `maxRegexLength` bounds regex patterns. */
export function compileEntry(type: WarninglistType, entry: string, maxRegexLength: number): EntryResult {
  if (entry.length === 0) return { ok: false, problem: 'entry is empty' }
  switch (type) {
    case 'cidr': {
      const prefix = parseIpPrefix(entry)
      if (prefix === undefined) {
        return { ok: false, problem: `${JSON.stringify(entry)} is not an IPv4 or IPv6 address or prefix` }
      }
      return { ok: true, compiled: [{ kind: 'prefix', prefix }] }
    }
    case 'hostname':
      return hostnameEntry(entry)
    case 'string':
      return stringEntry(entry)
    case 'substring':
      return { ok: true, compiled: [{ kind: 'substring', needle: entry.toLowerCase() }] }
    case 'regex': {
      const r = translatePcre(entry, maxRegexLength)
      return r.ok ? { ok: true, compiled: [{ kind: 'regex', regex: r.regex }] } : r
    }
  }
}

/** Lower-case, without a trailing root dot; a leading `*.` or `.` means sub-domains only. */
function hostnameEntry(entry: string): EntryResult {
  if (WHITESPACE.test(entry)) return { ok: false, problem: `host name ${JSON.stringify(entry)} contains white space` }
  let name = entry.toLowerCase()
  let scope: NameScope = 'self-and-sub'
  if (name.startsWith('*.')) name = name.slice(1)
  if (name.startsWith('.')) {
    scope = 'sub'
    name = name.slice(1)
  }
  if (name.endsWith('.')) name = name.slice(0, -1)
  if (name.length === 0 || name.includes('..')) {
    return { ok: false, problem: `${JSON.stringify(entry)} is not a host name` }
  }
  return { ok: true, compiled: [{ kind: 'name', key: name, scope }] }
}

function stringEntry(entry: string): EntryResult {
  const folded = entry.toLowerCase()
  if (folded.startsWith('.') && folded.length > 1 && !WHITESPACE.test(folded)) {
    return { ok: true, compiled: [{ kind: 'name', key: folded.slice(1), scope: 'sub' }] }
  }
  const compiled: CompiledEntry[] = [{ kind: 'name', key: folded, scope: 'exact' }]
  // `2001:DB8::1` and `2001:db8:0::1` are one address: index its bits as well.
  const v6 = folded.includes(':') ? parseIpv6(folded) : undefined
  if (v6 !== undefined) compiled.push({ kind: 'name', key: ipv6NameKey(v6), scope: 'exact' })
  return { ok: true, compiled }
}

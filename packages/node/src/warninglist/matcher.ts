import { isWarninglistObservableType, listApplies, mispAttributesFor, namesHosts } from './attributes.js'
import { CidrIndex, type EntryRef } from './cidr-index.js'
import { compileEntry, ipv6NameKey, type NameScope } from './entry.js'
import { WarninglistError } from './errors.js'
import { parseIpPrefix, parseIpv6 } from './ip.js'
import { DEFAULT_WARNINGLIST_LIMITS, type WarninglistLimits } from './limits.js'
import type { Warninglist, WarninglistHit, WarninglistObservableType } from './types.js'
import { hostOfUrl } from './url-host.js'

const NONE: readonly never[] = []

interface NameRef extends EntryRef {
  scope: NameScope
}
interface SubstringRef extends EntryRef {
  needle: string
}
interface RegexRef extends EntryRef {
  regex: RegExp
}

/** Which lists apply to one (observable type, MISP attribute set), and which indexes to probe. */
interface Plan {
  applies: Uint8Array
  cidr: boolean
  names: boolean
  substring: boolean
  regex: boolean
}

/**
 * Tests indicator values against a set of warninglists. All lists are compiled into
 * shared indexes at construction (hash maps for names and networks), so one `match`
 * costs a few map probes whatever the number of entries; only `substring` and `regex`
 * entries are tried one by one. The rules are in README.md beside this file.
 */
export class WarninglistMatcher {
  readonly lists: readonly Warninglist[]
  private readonly cidr = new CidrIndex()
  private readonly names = new Map<string, NameRef[]>()
  private readonly substrings: SubstringRef[] = []
  private readonly regexes: RegexRef[] = []
  /** Per list: a URL's host is checked against it (it names hosts). */
  private readonly hostLists: Uint8Array
  private readonly plans = new Map<string, Map<readonly string[], Plan | null>>()
  /** Per list: the call number that last reported it, so a list is reported once per call. */
  private readonly reported: Uint32Array
  private call = 0
  private applies: Uint8Array = new Uint8Array(0)
  private readonly found: EntryRef[] = []

  /** Throws WarninglistError when an entry cannot be compiled (lists not checked by the loader). */
  constructor(lists: readonly Warninglist[], limits: WarninglistLimits = DEFAULT_WARNINGLIST_LIMITS) {
    this.lists = [...lists]
    this.hostLists = new Uint8Array(lists.length)
    this.reported = new Uint32Array(lists.length)
    lists.forEach((l, list) => {
      this.hostLists[list] = namesHosts(l) ? 1 : 0
      l.list.forEach((entry, i) => {
        const r = compileEntry(l.type, entry, limits.maxRegexLength)
        if (!r.ok) throw new WarninglistError(l.file ?? '<memory>', `list[${i}]`, r.problem)
        for (const c of r.compiled) {
          if (c.kind === 'prefix') this.cidr.add(c.prefix, { list, entry })
          else if (c.kind === 'substring') this.substrings.push({ list, entry, needle: c.needle })
          else if (c.kind === 'regex') this.regexes.push({ list, entry, regex: c.regex })
          else {
            const refs = this.names.get(c.key)
            const ref = { list, entry, scope: c.scope }
            if (refs === undefined) this.names.set(c.key, [ref])
            else refs.push(ref)
          }
        }
      })
    })
  }

  /**
   * The lists `value` is on. `type` is the certmesh observable type; `value` is already
   * normalised for it; `property` (e.g. `hashes.SHA-256`) narrows which file lists apply.
   * An unknown type matches nothing. Hits are in list order, at most one per list.
   */
  match(type: string, value: string, property?: string): WarninglistHit[] {
    if (!isWarninglistObservableType(type)) return []
    const plan = this.plan(type, property)
    if (plan === null) return []
    // Per-call state lives in fields, not closures: `match` runs millions of times.
    this.applies = plan.applies
    if (this.call === 0xffffffff) {
      this.reported.fill(0)
      this.call = 0
    }
    this.call++
    this.found.length = 0
    let text = value
    if (type === 'ipv4-addr' || type === 'ipv6-addr') {
      if (plan.cidr) {
        const prefix = parseIpPrefix(value)
        if (prefix !== undefined) {
          const groups: (readonly EntryRef[])[] = []
          this.cidr.lookup(prefix, groups)
          for (const refs of groups) for (const ref of refs) this.report(ref)
        }
      }
      if (plan.names) {
        this.exact(value.toLowerCase())
        const v6 = value.includes(':') ? parseIpv6(value) : undefined
        if (v6 !== undefined) this.exact(ipv6NameKey(v6))
      }
    } else if (type === 'domain-name') {
      text = value.toLowerCase()
      if (text.endsWith('.')) text = text.slice(0, -1)
      if (plan.names) this.walk(text, false)
    } else if (type === 'url') {
      if (plan.names) {
        // The whole URL against `string` entries, as written (paths are case-sensitive).
        for (const ref of this.names.get(value.toLowerCase()) ?? NONE) {
          if (ref.scope === 'exact' && ref.entry === value) this.report(ref)
        }
        const host = hostOfUrl(value)
        if (host !== undefined) this.walk(host, true)
      }
    } else {
      text = value.toLowerCase()
      if (plan.names) this.exact(text)
    }
    if (plan.substring) {
      const folded = text.toLowerCase()
      for (const ref of this.substrings) {
        if (plan.applies[ref.list] === 1 && folded.includes(ref.needle)) this.report(ref)
      }
    }
    if (plan.regex) {
      for (const ref of this.regexes) if (plan.applies[ref.list] === 1 && ref.regex.test(text)) this.report(ref)
    }
    const found = this.found
    if (found.length === 0) return []
    if (found.length > 1) found.sort((a, b) => a.list - b.list)
    return found.map((ref) => this.hit(ref))
  }

  /** Record `ref` if its list applies to this call and has not been reported yet. */
  private report(ref: EntryRef): void {
    if (this.applies[ref.list] === 1 && this.reported[ref.list] !== this.call) {
      this.reported[ref.list] = this.call
      this.found.push(ref)
    }
  }

  private hit(ref: EntryRef): WarninglistHit {
    const l = this.lists[ref.list] as Warninglist
    const hit: WarninglistHit = { list: l.name, entry: ref.entry, type: l.type }
    if (l.file !== undefined) hit.listFile = l.file
    return hit
  }

  /** Entries naming exactly `key` (not the sub-domain-only ones). */
  private exact(key: string): void {
    const refs = this.names.get(key)
    if (refs !== undefined) for (const ref of refs) if (ref.scope !== 'sub') this.report(ref)
  }

  /** `name` itself, then each parent domain, most specific first (RFC 1034 §3.1 order). */
  private walk(name: string, hostListsOnly: boolean): void {
    let refs = this.names.get(name)
    if (refs !== undefined) {
      for (const ref of refs) {
        if (ref.scope !== 'sub' && (!hostListsOnly || this.hostLists[ref.list] === 1)) this.report(ref)
      }
    }
    for (let dot = name.indexOf('.'); dot !== -1; dot = name.indexOf('.', dot + 1)) {
      refs = this.names.get(name.slice(dot + 1))
      if (refs === undefined) continue
      for (const ref of refs) {
        if (ref.scope !== 'exact' && (!hostListsOnly || this.hostLists[ref.list] === 1)) this.report(ref)
      }
    }
  }

  /** Plans are cached per type and resolved attribute set, so arbitrary properties cannot grow the cache. */
  private plan(type: WarninglistObservableType, property: string | undefined): Plan | null {
    const attrs = mispAttributesFor(type, property)
    let byAttrs = this.plans.get(type)
    if (byAttrs === undefined) this.plans.set(type, (byAttrs = new Map()))
    let plan = byAttrs.get(attrs)
    if (plan === undefined) {
      const applies = new Uint8Array(this.lists.length)
      const kinds = new Set<string>()
      this.lists.forEach((l, i) => {
        if (!listApplies(l, type, property)) return
        applies[i] = 1
        kinds.add(l.type)
      })
      plan =
        kinds.size === 0
          ? null
          : {
              applies,
              cidr: kinds.has('cidr'),
              names: kinds.has('string') || kinds.has('hostname'),
              substring: kinds.has('substring'),
              regex: kinds.has('regex'),
            }
      byAttrs.set(attrs, plan)
    }
    return plan
  }
}

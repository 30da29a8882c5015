import { v4Key, type IpPrefix } from './ip.js'

/** A list entry as stored in an index: which list (by position) and the entry as written. */
export interface EntryRef {
  list: number
  entry: string
}

/** Prefix length → network bits → entries. */
type ByLength = Map<number, Map<number, EntryRef[]>>

/**
 * One level of the IPv6 index: prefixes whose length ends inside this 16-bit group,
 * and the next level per exact value of the group.
 */
interface V6Node {
  here: ByLength
  lengths: number[]
  next: Map<number, V6Node>
}

/**
 * Prefix containment without scanning. IPv4 networks are grouped by prefix length,
 * each group a Map from network bits (an int32) to entries; a query probes each length
 * present that is not longer than its own. IPv6 networks sit in a trie over the eight
 * 16-bit groups, so a query descends only as far as listed prefixes share its leading
 * groups and every key stays a small integer. Both return the most specific entry first.
 */
export class CidrIndex {
  private readonly v4: ByLength = new Map()
  private v4Lengths: number[] = []
  private readonly v6: V6Node = node()
  /** `::/0`, which ends before the first group. */
  private readonly v6All: EntryRef[] = []

  add(prefix: IpPrefix, ref: EntryRef): void {
    if (prefix.family === 4) {
      if (push(this.v4, prefix.len, v4Key(prefix.addr, prefix.len), ref)) this.v4Lengths = descending(this.v4)
      return
    }
    if (prefix.len === 0) {
      this.v6All.push(ref)
      return
    }
    const depth = (prefix.len - 1) >> 4
    let at = this.v6
    for (let d = 0; d < depth; d++) {
      const g = prefix.addr.charCodeAt(d)
      let child = at.next.get(g)
      if (child === undefined) at.next.set(g, (child = node()))
      at = child
    }
    const key = masked(prefix.addr.charCodeAt(depth), prefix.len - depth * 16)
    if (push(at.here, prefix.len, key, ref)) at.lengths = descending(at.here)
  }

  /** Append to `out` the entries of every listed network that contains `query`, most specific first. */
  lookup(query: IpPrefix, out: (readonly EntryRef[])[]): void {
    if (query.family === 4) {
      for (const len of this.v4Lengths) {
        if (len > query.len) continue
        const refs = this.v4.get(len)?.get(v4Key(query.addr, len))
        if (refs !== undefined) out.push(refs)
      }
      return
    }
    const found: (readonly EntryRef[])[] = []
    if (this.v6All.length > 0) found.push(this.v6All)
    let at: V6Node | undefined = this.v6
    for (let d = 0; at !== undefined && d * 16 < query.len; d++) {
      const g = query.addr.charCodeAt(d)
      for (let i = at.lengths.length - 1; i >= 0; i--) {
        const len = at.lengths[i] as number
        if (len > query.len) break
        const refs = at.here.get(len)?.get(masked(g, len - d * 16))
        if (refs !== undefined) found.push(refs)
      }
      at = at.next.get(g)
    }
    for (let i = found.length - 1; i >= 0; i--) out.push(found[i] as readonly EntryRef[])
  }
}

function node(): V6Node {
  return { here: new Map(), lengths: [], next: new Map() }
}

/** The top `bits` (1..16) of a 16-bit group. */
function masked(group: number, bits: number): number {
  return group & (0xffff << (16 - bits)) & 0xffff
}

/** Returns true when `len` is a new prefix length, so the probe order must be rebuilt. */
function push(byLength: ByLength, len: number, key: number, ref: EntryRef): boolean {
  let group = byLength.get(len)
  const created = group === undefined
  if (group === undefined) byLength.set(len, (group = new Map()))
  const refs = group.get(key)
  if (refs === undefined) group.set(key, [ref])
  else refs.push(ref)
  return created
}

function descending(byLength: ByLength): number[] {
  return [...byLength.keys()].sort((a, b) => b - a)
}

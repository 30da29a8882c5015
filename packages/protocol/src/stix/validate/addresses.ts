/**
 * Value forms of the ipv4-addr and ipv6-addr SCOs (STIX 2.1 §6.4, §6.5): a single address or a
 * CIDR block. Only syntax is checked here; canonical forms are the normaliser's job.
 */

const IPV4_RE = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/

function splitPrefix(value: string, max: number): [string, boolean] {
  const slash = value.indexOf('/')
  if (slash < 0) return [value, true]
  const prefix = value.slice(slash + 1)
  const ok = /^(?:0|[1-9]\d{0,2})$/.test(prefix) && Number(prefix) <= max
  return [value.slice(0, slash), ok]
}

export function isIpv4Value(value: string): boolean {
  const [addr, ok] = splitPrefix(value, 32)
  return ok && IPV4_RE.test(addr)
}

export function isIpv6Value(value: string): boolean {
  const [addr, ok] = splitPrefix(value, 128)
  if (!ok || addr.length === 0) return false
  let groups = 0
  let rest = addr
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const lastColon = rest.lastIndexOf(':')
  if (rest.includes('.')) {
    if (!IPV4_RE.test(rest.slice(lastColon + 1))) return false
    rest = rest.slice(0, lastColon + 1) + '0:0'
  }
  const halves = rest.split('::')
  if (halves.length > 2) return false
  for (const half of halves) {
    if (half === '') continue
    for (const g of half.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return false
      groups += 1
    }
  }
  return halves.length === 2 ? groups <= 7 : groups === 8
}

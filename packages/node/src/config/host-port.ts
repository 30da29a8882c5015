export interface HostPort {
  host: string
  port: number
}

/** Parses `HOST:PORT`, `[v6]:PORT` or a bare `PORT` (loopback). */
export function parseHostPort(text: string): HostPort {
  const t = text.trim()
  let host: string
  let portText: string
  const v6 = /^\[([0-9A-Fa-f:.]+)\]:(\d+)$/.exec(t)
  if (v6) {
    host = v6[1]!
    portText = v6[2]!
  } else if (/^\d+$/.test(t)) {
    host = '127.0.0.1'
    portText = t
  } else {
    const i = t.lastIndexOf(':')
    if (i <= 0) throw new Error(`'${text}' is not HOST:PORT (for example 127.0.0.1:8080)`)
    host = t.slice(0, i)
    portText = t.slice(i + 1)
    if (host.includes(':')) throw new Error(`'${text}': write IPv6 addresses in brackets, e.g. [::1]:8080`)
  }
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`'${text}': port must be a number from 0 to 65535`)
  return { host, port }
}

export function formatHostPort(hp: HostPort): string {
  return hp.host.includes(':') ? `[${hp.host}]:${hp.port}` : `${hp.host}:${hp.port}`
}

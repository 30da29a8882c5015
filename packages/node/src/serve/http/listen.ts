import { readFileSync } from 'node:fs'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { getRequestListener } from '@hono/node-server'
import { formatHostPort, type HostPort } from '../../config/host-port.js'

export class ListenError extends Error {
  override readonly name = 'ListenError'
}

export interface HttpListener {
  /** The address actually bound (port 0 in the config picks a free one). */
  address: HostPort
  url: string
  close(): Promise<void>
}

export interface ListenOptions {
  listen: HostPort
  tls?: { cert: string; key: string }
  fetch: (req: Request) => Response | Promise<Response>
}

/** Binds the HTTP(S) server; a port in use or a bad address becomes one clear ListenError. */
export async function listenHttp(opts: ListenOptions): Promise<HttpListener> {
  const handler = getRequestListener(opts.fetch)
  let server: Server
  if (opts.tls) {
    let cert: Buffer
    let key: Buffer
    try {
      cert = readFileSync(opts.tls.cert)
      key = readFileSync(opts.tls.key)
    } catch (err) {
      throw new ListenError(`cannot read the TLS certificate or key: ${(err as Error).message}`)
    }
    server = createHttpsServer({ cert, key }, handler)
  } else {
    server = createHttpServer(handler)
  }
  // Slow clients must not hold sockets forever.
  server.requestTimeout = 5 * 60_000
  server.headersTimeout = 30_000
  server.keepAliveTimeout = 5_000

  const where = formatHostPort(opts.listen)
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening)
      if (err.code === 'EADDRINUSE')
        reject(new ListenError(`${where} is already in use (another certmesh node?): set [http] listen in certmesh.toml`))
      else if (err.code === 'EACCES') reject(new ListenError(`no permission to listen on ${where}: use a port above 1023`))
      else if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND')
        reject(new ListenError(`${where}: this machine has no such address`))
      else reject(new ListenError(`cannot listen on ${where}: ${err.message}`))
    }
    const onListening = () => {
      server.off('error', onError)
      resolve()
    }
    server.once('error', onError)
    server.once('listening', onListening)
    server.listen(opts.listen.port, opts.listen.host)
  })
  const addr = server.address() as AddressInfo
  const address = { host: opts.listen.host, port: addr.port }
  const scheme = opts.tls ? 'https' : 'http'
  return {
    address,
    url: `${scheme}://${formatHostPort(address)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

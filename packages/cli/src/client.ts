import { existsSync, readFileSync } from 'node:fs'
import { dataDirLayout, formatHostPort, loadConfig } from '@certmesh/node'
import type { Io, ParsedArgs } from './command.js'
import { UserError } from './errors.js'
import { dataDirFrom } from './util/data-dir.js'

/** Where the node is and how to authenticate: flags, then environment, then the local data directory. */
export interface Target {
  url: string
  token: string | undefined
  /** Where the URL came from, for error messages. */
  from: string
}

export function resolveTarget(args: ParsedArgs, io: Io): Target {
  const flagUrl = typeof args.values.url === 'string' ? args.values.url : undefined
  const flagToken = typeof args.values.token === 'string' ? args.values.token : undefined
  let url = flagUrl ?? io.env.CERTMESH_URL
  let token = flagToken ?? io.env.CERTMESH_TOKEN
  let from = flagUrl ? '--url' : io.env.CERTMESH_URL ? 'CERTMESH_URL' : ''
  if (url === undefined || token === undefined) {
    const dir = dataDirFrom(args, io)
    const layout = dataDirLayout(dir)
    if (!existsSync(layout.key) && url === undefined) {
      throw new UserError(
        `no certmesh node in ${dir}: give --data DIR, or --url and --token for a remote node, or run \`certmesh init\``,
      )
    }
    if (url === undefined) {
      let listen
      try {
        listen = loadConfig(dir).http.listen
      } catch (err) {
        throw new UserError((err as Error).message)
      }
      const host = listen.host === '0.0.0.0' ? '127.0.0.1' : listen.host === '::' ? '::1' : listen.host
      url = `http://${formatHostPort({ host, port: listen.port })}`
      from = `${layout.config}`
    }
    if (token === undefined && existsSync(layout.adminToken)) token = readFileSync(layout.adminToken, 'utf8').trim()
  }
  return { url: url.replace(/\/+$/, ''), token, from }
}

export interface RequestOptions {
  method?: string
  query?: Record<string, string | number | boolean | string[] | undefined>
  json?: unknown
  body?: Uint8Array | string
  contentType?: string
  accept?: string
}

/** One HTTP call to the node; every failure becomes a UserError that says what to do. */
export async function call(target: Target, path: string, opts: RequestOptions = {}): Promise<Response> {
  const u = new URL(target.url + path)
  for (const [k, v] of Object.entries(opts.query ?? {})) {
    if (v === undefined) continue
    for (const item of Array.isArray(v) ? v : [v]) u.searchParams.append(k, String(item))
  }
  const headers: Record<string, string> = { accept: opts.accept ?? 'application/json' }
  if (target.token) headers.authorization = `Bearer ${target.token}`
  let body: string | Uint8Array | undefined
  if (opts.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(opts.json)
  } else if (opts.body !== undefined) {
    headers['content-type'] = opts.contentType ?? 'application/octet-stream'
    body = opts.body
  }
  let res: Response
  try {
    res = await fetch(u, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, ...(body !== undefined && { body }) })
  } catch (err) {
    const code = (err as { cause?: { code?: string } }).cause?.code
    if (code === 'ECONNREFUSED')
      throw new UserError(`no certmesh node is running at ${target.url}: start it with \`certmesh start\` (same --data), or check --url`)
    throw new UserError(`cannot reach the node at ${target.url}: ${(err as Error).message}`)
  }
  if (res.ok) return res
  let message = `${res.status} ${res.statusText}`
  try {
    const j = (await res.json()) as { error?: { message?: string }; description?: string; title?: string }
    message = j.error?.message ?? j.description ?? j.title ?? message
  } catch {
    /* not JSON: keep the status line */
  }
  if (res.status === 401) throw new UserError(`the node refused the token: ${message}. Use the admin token in the data directory, or --token`)
  if (res.status === 403) throw new UserError(`not allowed: ${message}`)
  throw new UserError(message)
}

export async function callJson<T>(target: Target, path: string, opts: RequestOptions = {}): Promise<T> {
  return (await (await call(target, path, opts)).json()) as T
}

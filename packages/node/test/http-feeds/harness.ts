import { canonicalize, normaliseObservable, type Tlp } from '@certmesh/protocol'
import { createToken } from '../../src/auth/tokens.js'
import { initDataDir } from '../../src/datadir/init.js'
import { buildIndicator } from '../../src/ingest/indicator.js'
import { prepareVersion } from '../../src/ingest/prepare.js'
import { CertmeshNode } from '../../src/node.js'
import type { NodeSigner } from '../../src/sign/signer.js'
import type { Store } from '../../src/store/index.js'
import type { TokenRights } from '../../src/store/tokens.js'
import { removeTempDir, tempDir } from '../../../../test/temp-dir.js'

/**
 * A real node for the feed, sighting, metrics and OpenAPI tests: `certmesh init` in a
 * temp dir, CertmeshNode.open + start (listenHttp on 127.0.0.1:0), real fetch.
 */
export interface FeedTestNode {
  readonly node: CertmeshNode
  readonly url: string
  readonly adminToken: string
  token(name: string, rights: Partial<TokenRights>): string
  get(path: string, token?: string | null, init?: RequestInit): Promise<Response>
  post(path: string, body: unknown, token?: string | null): Promise<Response>
  close(): Promise<void>
}

export async function startFeedNode(): Promise<FeedTestNode> {
  const dir = tempDir('certmesh-feeds-')
  const created = initDataDir({ dataDir: dir, name: 'CERT Feedland', http: '127.0.0.1:0', p2p: '/ip4/127.0.0.1/tcp/0' })
  const node = await CertmeshNode.open(dir)
  await node.start()
  const url = node.httpUrl
  const auth = (token: string | null | undefined): Record<string, string> => {
    const t = token === undefined ? created.adminToken : token
    return t === null ? {} : { authorization: `Bearer ${t}` }
  }
  return {
    node,
    url,
    adminToken: created.adminToken,
    token: (name, rights) => createToken(node.store.tokens, name, { admin: false, read: [], write: [], ...rights }).token,
    get: (path, token, init = {}) => fetch(url + path, { ...init, headers: { ...auth(token), ...(init.headers as Record<string, string> | undefined) } }),
    post: (path, body, token) =>
      fetch(url + path, { method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) }),
    close: async () => {
      await node.stop()
      removeTempDir(dir)
    },
  }
}

export interface IndicatorSpec {
  type: string
  property?: string
  value: string
  tlp?: Tlp
  confidence?: number
  validFrom?: number
  validUntil?: number
  flags?: string[]
  now?: number
}

/** A signed indicator of this node, stored as the ingest pipeline would. Returns the object. */
export function putIndicator(store: Store, signer: NodeSigner, s: IndicatorSpec): Record<string, unknown> {
  const o = normaliseObservable(s.type, s.property ?? 'value', s.value)
  const now = s.now ?? Date.now()
  const obj = buildIndicator(
    o,
    {
      tlp: s.tlp ?? 'green',
      confidence: s.confidence ?? 80,
      ...(s.validFrom !== undefined && { validFrom: s.validFrom }),
      ...(s.validUntil !== undefined && { validUntil: s.validUntil }),
    },
    { signer, now, validityDays: { default: 30 } },
  )
  putObject(store, signer, obj, s.flags)
  return obj
}

export function putObject(store: Store, signer: NodeSigner, obj: Record<string, unknown>, flags?: string[]): void {
  const v = prepareVersion(obj, canonicalize(obj), { origin: 'local', signer: signer.publicKeyB64 })
  const r = store.put(flags ? { ...v, flags } : v)
  if (r.status !== 'created' && r.status !== 'updated') throw new Error(`put ${String(obj.id)}: ${JSON.stringify(r)}`)
}

/** A new signed version of `obj` with `changes`, `modified` = `at` (ms). */
export function newVersion(store: Store, signer: NodeSigner, obj: Record<string, unknown>, changes: Record<string, unknown>, at = Date.now(), flags?: string[]): Record<string, unknown> {
  const { extensions: _ext, ...rest } = obj
  const next = signer.sign({ ...rest, ...changes, modified: new Date(at).toISOString() })
  putObject(store, signer, next, flags)
  return next
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

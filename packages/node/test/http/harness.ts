import { readFileSync, writeFileSync } from 'node:fs'
import { removeTempDir, tempDir } from '../../../../test/temp-dir.js'
import { createToken } from '../../src/auth/tokens.js'
import { initDataDir } from '../../src/datadir/init.js'
import { dataDirLayout } from '../../src/datadir/layout.js'
import { CertmeshNode } from '../../src/node.js'
import type { TokenRights } from '../../src/store/tokens.js'

/**
 * A real node on a loopback port for end-to-end HTTP tests: `certmesh init` in a temp
 * dir, `CertmeshNode.open`, `start()` (listenHttp on 127.0.0.1:0), and real fetch.
 */
export const TAXII_ACCEPT = 'application/taxii+json;version=2.1'
export const TAXII_TYPE = 'application/taxii+json;version=2.1'
export const ALL_ID = '203138f8-234d-4274-bc2f-825a9e4bf4c9'
export const INDICATORS_ID = '276b9eab-d77f-4daa-98b5-3fd004f057ac'

export interface TaxiiInit extends RequestInit {
  /** API token sent as Bearer; default the admin token; null sends none. */
  token?: string | null
}

export interface TestNode {
  readonly node: CertmeshNode
  readonly url: string
  readonly adminToken: string
  /** Creates an API token with these rights and returns its secret. */
  token(name: string, rights: Partial<TokenRights>): string
  /** fetch of `${url}/taxii2${path}`, with the TAXII Accept header unless one is given. */
  taxii(path: string, init?: TaxiiInit): Promise<Response>
  close(): Promise<void>
}

export interface TestNodeOptions {
  /** The node's clock (store date_added, ingest timestamps); frozen in paging tests. */
  now?: () => number
  /** [http] max_body_bytes, which is also TAXII's max_content_length. */
  maxBodyBytes?: number
}

export async function startTestNode(opts: TestNodeOptions = {}): Promise<TestNode> {
  const dir = tempDir('certmesh-http-')
  const created = initDataDir({ dataDir: dir, name: 'CERT Testland', http: '127.0.0.1:0', p2p: '/ip4/127.0.0.1/tcp/0' })
  if (opts.maxBodyBytes !== undefined) {
    const file = dataDirLayout(dir).config
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^# max_body_bytes = \d+$/m, `max_body_bytes = ${opts.maxBodyBytes}`))
  }
  const node = await CertmeshNode.open(dir, { ...(opts.now && { now: opts.now }) })
  await node.start()
  const url = node.httpUrl
  const taxii = (path: string, init: TaxiiInit = {}): Promise<Response> => {
    const { token, ...rest } = init
    const headers = new Headers(rest.headers)
    if (!headers.has('accept')) headers.set('accept', TAXII_ACCEPT)
    const t = token === undefined ? created.adminToken : token
    if (t !== null && !headers.has('authorization')) headers.set('authorization', `Bearer ${t}`)
    return fetch(`${url}/taxii2${path}`, { ...rest, headers })
  }
  return {
    node,
    url,
    adminToken: created.adminToken,
    token: (name, rights) => createToken(node.store.tokens, name, { admin: false, read: [], write: [], ...rights }).token,
    taxii,
    close: async () => {
      await node.stop()
      removeTempDir(dir)
    },
  }
}

/** The JSON body of a response, after checking it is a TAXII 2.1 one. */
export async function taxiiJson<T = Record<string, unknown>>(res: Response): Promise<T> {
  const ct = res.headers.get('content-type')
  if (ct !== TAXII_TYPE) throw new Error(`expected ${TAXII_TYPE}, got ${ct} (status ${res.status}): ${await res.text()}`)
  return (await res.json()) as T
}

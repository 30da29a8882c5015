import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { canonicalize } from '@certmesh/protocol'
import { ADMIN_RIGHTS, createToken } from '../auth/tokens.js'
import { DEFAULT_HTTP_LISTEN, DEFAULT_P2P_LISTEN } from '../config/defaults.js'
import { parseHostPort } from '../config/host-port.js'
import { configTemplate } from '../config/template.js'
import { prepareVersion } from '../ingest/prepare.js'
import { BadRequestError, ConflictError } from '../errors.js'
import { makeIdentity } from '../sign/identity.js'
import { generateSeed, writeKeyFile } from '../sign/key-file.js'
import { NodeSigner } from '../sign/signer.js'
import { openStore } from '../store/open.js'
import { dataDirLayout } from './layout.js'

export interface InitOptions {
  dataDir: string
  name: string
  http?: string
  p2p?: string
  now?: Date
}

export interface InitResult {
  dataDir: string
  identityId: string
  publicKey: string
  adminToken: string
  configFile: string
}

/**
 * Creates a node: key (0600), config with commented defaults, database, the
 * organisation's signed identity, and an admin token for the local CLI (0600).
 * Refuses a directory that already holds a node.
 */
export function initDataDir(opts: InitOptions): InitResult {
  const l = dataDirLayout(opts.dataDir)
  for (const f of [l.key, l.config, l.database]) {
    if (existsSync(f)) throw new ConflictError(`${l.dir} already holds a certmesh node (${f} exists); refusing to overwrite it`)
  }
  const name = opts.name.trim()
  if (name.length === 0 || name.length > 256) throw new BadRequestError('the organisation name must be 1-256 characters')
  if (opts.http !== undefined) {
    try {
      parseHostPort(opts.http)
    } catch (err) {
      throw new BadRequestError(`--http: ${(err as Error).message}`)
    }
  }
  if (opts.p2p !== undefined && !opts.p2p.startsWith('/')) {
    throw new BadRequestError(`--p2p: '${opts.p2p}' is not a multiaddr (for example /ip4/0.0.0.0/tcp/4001)`)
  }

  mkdirSync(l.dir, { recursive: true, mode: 0o700 })
  const seed = generateSeed()
  writeKeyFile(l.key, seed)
  writeFileSync(l.config, configTemplate({ name, httpListen: opts.http ?? DEFAULT_HTTP_LISTEN, p2pListen: opts.p2p ?? DEFAULT_P2P_LISTEN }), { flag: 'wx' })

  const signer = new NodeSigner(seed)
  const identity = makeIdentity(signer, name, opts.now)
  const store = openStore(l.database)
  try {
    const result = store.put(prepareVersion(identity as unknown as Record<string, unknown>, canonicalize(identity), { origin: 'local', signer: signer.publicKeyB64 }))
    if (result.status !== 'created') throw new Error(`storing the identity failed: ${JSON.stringify(result)}`)
    const admin = createToken(store.tokens, 'admin', ADMIN_RIGHTS)
    writeFileSync(l.adminToken, admin.token + '\n', { mode: 0o600, flag: 'wx' })
    return { dataDir: l.dir, identityId: signer.identityId, publicKey: signer.publicKeyB64, adminToken: admin.token, configFile: l.config }
  } finally {
    store.close()
  }
}

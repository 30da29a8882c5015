import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import {
  CONFIG_FILE,
  DEFAULT_CONFIDENCE,
  DEFAULT_HTTP_LISTEN,
  DEFAULT_P2P_LISTEN,
  DEFAULT_TLP,
  DEFAULT_VALIDITY_DAYS,
  WARNINGLIST_DIR,
} from './defaults.js'
import { parseHostPort, type HostPort } from './host-port.js'
import { ConfigSyntaxError, parseToml, type TomlTable, type TomlValue } from './toml.js'

/** The typed configuration. Built once at start; nothing else reads the file or the environment. */
export interface NodeConfig {
  dataDir: string
  name: string
  http: { listen: HostPort; tlsCert?: string; tlsKey?: string; maxBodyBytes: number }
  p2p: { listen: string[]; networkKeyFile?: string; maxConnections: number }
  sync: { pullIntervalSeconds: number; acceptUnknownCreators: boolean; verifyThreads: number }
  indicators: { defaultTlp: string; defaultConfidence: number; validityDays: Record<string, number> }
  warninglists: { dir: string; builtin: boolean }
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

const TLP_NAMES = ['clear', 'green', 'amber', 'amber+strict', 'red']

class Reader {
  constructor(
    readonly file: string,
    readonly root: TomlTable,
  ) {}
  private seen = new Set<string>()

  private get(path: string): TomlValue | undefined {
    this.seen.add(path)
    let v: TomlValue | undefined = this.root
    for (const k of path.split('.')) {
      if (v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined
      v = v[k]
    }
    return v
  }
  fail(path: string, problem: string): never {
    throw new ConfigError(`${this.file}: ${path}: ${problem}`)
  }
  string(path: string, fallback: string): string
  string(path: string): string | undefined
  string(path: string, fallback?: string): string | undefined {
    const v = this.get(path)
    if (v === undefined) return fallback
    if (typeof v !== 'string') this.fail(path, `must be a string in quotes, got ${JSON.stringify(v)}`)
    return v
  }
  int(path: string, fallback: number, min: number, max: number): number {
    const v = this.get(path)
    if (v === undefined) return fallback
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.fail(path, `must be a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`)
    return v
  }
  bool(path: string, fallback: boolean): boolean {
    const v = this.get(path)
    if (v === undefined) return fallback
    if (typeof v !== 'boolean') this.fail(path, `must be true or false, got ${JSON.stringify(v)}`)
    return v
  }
  strings(path: string, fallback: string[]): string[] {
    const v = this.get(path)
    if (v === undefined) return fallback
    if (typeof v === 'string') return [v]
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string'))
      this.fail(path, 'must be a string or a list of strings')
    return v as string[]
  }
  table(path: string): TomlTable {
    const v = this.get(path)
    if (v === undefined) return {}
    if (typeof v !== 'object' || Array.isArray(v)) this.fail(path, 'must be a table')
    return v
  }
  /** Keys nobody asked for are typos: say so instead of ignoring them. */
  checkUnknown(known: Record<string, string[]>): void {
    for (const [section, value] of Object.entries(this.root)) {
      if (!(section in known)) this.fail(section, `unknown section; known: ${Object.keys(known).join(', ')}`)
      if (typeof value !== 'object' || Array.isArray(value)) this.fail(section, 'must be a table ([section])')
      for (const key of Object.keys(value)) {
        if (!known[section]!.includes(key))
          this.fail(`${section}.${key}`, `unknown setting; known in [${section}]: ${known[section]!.join(', ')}`)
      }
    }
  }
}

/** Reads `<dataDir>/certmesh.toml` (absent → embedded defaults) into a checked NodeConfig. */
export function loadConfig(dataDir: string): NodeConfig {
  const file = join(dataDir, CONFIG_FILE)
  let root: TomlTable = {}
  if (existsSync(file)) {
    try {
      root = parseToml(readFileSync(file, 'utf8'))
    } catch (err) {
      if (err instanceof ConfigSyntaxError) throw new ConfigError(`${file}: ${err.message}`)
      throw new ConfigError(`${file}: cannot read: ${(err as Error).message}`)
    }
  }
  const r = new Reader(file, root)
  r.checkUnknown({
    node: ['name'],
    http: ['listen', 'tls_cert', 'tls_key', 'max_body_bytes'],
    p2p: ['listen', 'network_key_file', 'max_connections'],
    sync: ['pull_interval_seconds', 'accept_unknown_creators', 'verify_threads'],
    indicators: ['default_tlp', 'default_confidence', 'validity_days'],
    warninglists: ['dir', 'builtin'],
  })

  const listenText = r.string('http.listen', DEFAULT_HTTP_LISTEN)
  let listen: HostPort | undefined
  try {
    listen = parseHostPort(listenText)
  } catch (err) {
    r.fail('http.listen', (err as Error).message)
  }
  const tlsCert = r.string('http.tls_cert')
  const tlsKey = r.string('http.tls_key')
  if ((tlsCert === undefined) !== (tlsKey === undefined)) r.fail('http', 'tls_cert and tls_key must be set together')

  const defaultTlp = r.string('indicators.default_tlp', DEFAULT_TLP).toLowerCase().replace(/^tlp:/, '')
  if (!TLP_NAMES.includes(defaultTlp)) r.fail('indicators.default_tlp', `must be one of ${TLP_NAMES.join(', ')}`)

  const validityDays: Record<string, number> = { ...DEFAULT_VALIDITY_DAYS }
  for (const [type, days] of Object.entries(r.table('indicators.validity_days'))) {
    if (!(type in DEFAULT_VALIDITY_DAYS))
      r.fail(`indicators.validity_days.${type}`, `unknown observable type; known: ${Object.keys(DEFAULT_VALIDITY_DAYS).join(', ')}`)
    validityDays[type] = r.int(`indicators.validity_days.${type}`, 0, 1, 36500)
  }

  const wlDir = r.string('warninglists.dir', WARNINGLIST_DIR)
  const networkKeyFile = r.string('p2p.network_key_file')
  return {
    dataDir,
    name: r.string('node.name', 'certmesh node'),
    http: {
      listen: listen!,
      ...(tlsCert !== undefined && { tlsCert: resolveIn(dataDir, tlsCert) }),
      ...(tlsKey !== undefined && { tlsKey: resolveIn(dataDir, tlsKey) }),
      maxBodyBytes: r.int('http.max_body_bytes', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    },
    p2p: {
      listen: r.strings('p2p.listen', [DEFAULT_P2P_LISTEN]),
      ...(networkKeyFile !== undefined && { networkKeyFile: resolveIn(dataDir, networkKeyFile) }),
      maxConnections: r.int('p2p.max_connections', 64, 1, 10_000),
    },
    sync: {
      pullIntervalSeconds: r.int('sync.pull_interval_seconds', 30, 1, 86_400),
      acceptUnknownCreators: r.bool('sync.accept_unknown_creators', true),
      verifyThreads: r.int('sync.verify_threads', 1, 0, 64),
    },
    indicators: {
      defaultTlp,
      defaultConfidence: r.int('indicators.default_confidence', DEFAULT_CONFIDENCE, 0, 100),
      validityDays,
    },
    warninglists: { dir: resolveIn(dataDir, wlDir), builtin: r.bool('warninglists.builtin', true) },
  }
}

function resolveIn(dataDir: string, p: string): string {
  return isAbsolute(p) ? p : join(dataDir, p)
}

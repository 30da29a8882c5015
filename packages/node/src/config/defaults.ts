/**
 * The embedded defaults. A node started with no config file runs on exactly these; the
 * file written by `certmesh init` repeats them, commented, so an operator sees every knob.
 */
export const DEFAULT_HTTP_LISTEN = '127.0.0.1:8080'
export const DEFAULT_P2P_LISTEN = '/ip4/0.0.0.0/tcp/4001'
export const DEFAULT_TLP = 'amber'
export const DEFAULT_CONFIDENCE = 50

/** Days an indicator stays valid when the analyst gives no `valid_until`. */
export const DEFAULT_VALIDITY_DAYS: Readonly<Record<string, number>> = {
  'ipv4-addr': 30,
  'ipv6-addr': 30,
  'domain-name': 90,
  url: 90,
  'email-addr': 180,
  file: 365,
  'windows-registry-key': 365,
  'x509-certificate': 365,
}

export const CONFIG_FILE = 'certmesh.toml'
export const KEY_FILE = 'node.key'
export const DATABASE_FILE = 'certmesh.db'
export const ADMIN_TOKEN_FILE = 'admin.token'
export const IDENTITY_FILE = 'identity.json'
export const WARNINGLIST_DIR = 'warninglists'
export const DEFAULT_DATA_DIR = '.certmesh'

import { DEFAULT_CONFIDENCE, DEFAULT_HTTP_LISTEN, DEFAULT_P2P_LISTEN, DEFAULT_TLP, DEFAULT_VALIDITY_DAYS } from './defaults.js'

export interface TemplateValues {
  name: string
  httpListen?: string
  p2pListen?: string
}

function quote(s: string): string {
  return JSON.stringify(s)
}

/** The config file `certmesh init` writes: set values live, every default shown commented. */
export function configTemplate(v: TemplateValues): string {
  const http = v.httpListen ?? DEFAULT_HTTP_LISTEN
  const p2p = v.p2pListen ?? DEFAULT_P2P_LISTEN
  const validity = Object.entries(DEFAULT_VALIDITY_DAYS)
    .map(([type, days]) => `# ${type} = ${days}`)
    .join('\n')
  return `# certmesh node configuration (TOML).
# Lines starting with '#' show the built-in default; remove the '#' to change one.
# The node reads this file once at start: restart it after editing.

[node]
# The organisation's name, as it appears in its signed STIX identity.
name = ${quote(v.name)}

[http]
# Where the HTTP API (TAXII 2.1, lookup, feeds, CLI) listens. Keep it on loopback
# unless a reverse proxy or TLS (below) protects it.
listen = ${quote(http)}
# tls_cert = "/etc/certmesh/tls/cert.pem"
# tls_key = "/etc/certmesh/tls/key.pem"
# Largest request body accepted, in bytes.
# max_body_bytes = 67108864

[p2p]
# libp2p listen address for sync with trusted peers (certmesh peer add ...).
listen = ${quote(p2p)}
# A pre-shared network key (libp2p private network) as a second fence around the
# allowlist: every node of the federation uses the same file (certmesh peer network-key).
# network_key_file = "network.key"
# Most simultaneous peer connections.
# max_connections = 64

[sync]
# Pull from every connected peer at least this often, besides the immediate pull
# when a peer announces new objects.
# pull_interval_seconds = 30
# Accept objects relayed from creators this node has never heard of (they are marked
# 'creator-unknown' and kept out of feeds). false refuses them.
# accept_unknown_creators = true
# Worker threads verifying signatures of received batches (0 = on the main thread).
# verify_threads = 1

[indicators]
# Marking for new indicators when the analyst gives none: clear, green, amber,
# amber+strict or red.
# default_tlp = ${quote(DEFAULT_TLP)}
# Confidence (0-100) for new indicators when none is given.
# default_confidence = ${DEFAULT_CONFIDENCE}

[indicators.validity_days]
# How long a new indicator stays valid, per observable type, when no valid_until is given.
${validity}

[warninglists]
# Extra MISP-format warninglists (*.json) are read from this folder of the data
# directory, in addition to the built-in set. Indicators that hit a list are stored
# but flagged, and left out of feeds.
# dir = "warninglists"
# builtin = true
`
}

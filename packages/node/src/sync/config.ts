import { parseTlpArgument } from '@certmesh/protocol'
import type { NodeConfig } from '../config/config.js'
import { readNetworkKey } from './network-key.js'
import type { SyncConfig } from './service.js'

/** The sync part of the node's config; reads the network key file once, at open. */
export function syncConfigFrom(c: NodeConfig): SyncConfig {
  return {
    listen: c.p2p.listen,
    ...(c.p2p.networkKeyFile !== undefined && { networkKey: readNetworkKey(c.p2p.networkKeyFile) }),
    maxConnections: c.p2p.maxConnections,
    pullIntervalMs: c.sync.pullIntervalSeconds * 1000,
    acceptUnknownCreators: c.sync.acceptUnknownCreators,
    verifyThreads: c.sync.verifyThreads,
    defaultTlp: parseTlpArgument(c.indicators.defaultTlp, 'indicators.default_tlp'),
  }
}

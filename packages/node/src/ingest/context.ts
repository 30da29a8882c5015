import type { NodeConfig } from '../config/index.js'
import type { NodeSigner } from '../sign/signer.js'
import type { Store } from '../store/index.js'
import type { WarninglistMatcher } from '../warninglist/index.js'

/** What the pipeline needs from the node; injected, never reached for (STYLE.md, js-libp2p). */
export interface IngestDeps {
  store: Store
  signer: NodeSigner
  config: NodeConfig
  matcher?: WarninglistMatcher
  /** Epoch ms; tests freeze or step it. */
  now?: () => number
}

/** Per-operation options shared by the file and STIX paths. */
export interface ImportOptions {
  format?: 'auto' | 'stix' | 'misp' | 'csv' | 'txt'
  /** TLP for new objects when the input gives none (overrides [indicators] default_tlp). */
  tlp?: string
  /** Confidence when the input gives none (overrides [indicators] default_confidence). */
  confidence?: number
  /** Publish unsigned STIX objects as this node's own (signed) objects. */
  adopt?: boolean
}

import type { NodeSigner } from './signer.js'

export interface OrganisationIdentity {
  type: 'identity'
  spec_version: '2.1'
  id: string
  created: string
  modified: string
  name: string
  identity_class: 'organization'
  description?: string
  extensions?: Record<string, unknown>
}

/**
 * The organisation's STIX identity, signed by the node key. Its id is derived from the
 * public key (docs/protocol.md §4.1), so anyone can check that an object's
 * `created_by_ref` and its signature name the same creator.
 */
export function makeIdentity(signer: NodeSigner, name: string, now: Date = new Date()): OrganisationIdentity {
  const ts = now.toISOString()
  return signer.sign({
    type: 'identity',
    spec_version: '2.1',
    id: signer.identityId,
    created: ts,
    modified: ts,
    name,
    identity_class: 'organization',
  } satisfies OrganisationIdentity)
}

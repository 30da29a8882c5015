// The certmesh signature travels inside each object as a STIX 2.1 property-extension
// (STIX 2.1 §7.3), declared by the extension-definition below, so a signed object stays
// valid STIX for TAXII servers and SIEMs that know nothing about certmesh (DESIGN.md
// invariant 1). The wire shape is specified in docs/protocol.md §3.2.

export const SIGNATURE_EXTENSION_ID = 'extension-definition--2ceecda0-58cc-4f76-9992-7236c0eea014'
export const CERTMESH_PROJECT_IDENTITY_ID = 'identity--1c8ee033-20c2-4a21-99d7-6f33894d4eaf'
export const SIGNATURE_ALG = 'Ed25519'
export const SIGNATURE_EXTENSION_SCHEMA_URL =
  'https://github.com/certmesh/certmesh/blob/main/docs/signature-extension.schema.json'

/** The value stored at `extensions[SIGNATURE_EXTENSION_ID]`; exactly these four fields. */
export interface SignatureExtension {
  readonly extension_type: 'property-extension'
  readonly alg: typeof SIGNATURE_ALG
  /** base64url, no padding, of the 32-byte Ed25519 public key. */
  readonly public_key: string
  /** base64url, no padding, of the 64-byte Ed25519 signature. */
  readonly signature: string
}

export const SIGNATURE_EXTENSION_FIELDS: readonly string[] = ['extension_type', 'alg', 'public_key', 'signature']

const DEFINED_AT = '2026-11-28T00:00:00.000Z'

/**
 * The certmesh project's STIX identity, creator of the extension definition. Its id is a
 * fixed constant, not key-derived: these two objects ship unsigned inside every node
 * (docs/protocol.md §4.3).
 */
export const certmeshProjectIdentity = Object.freeze({
  type: 'identity',
  spec_version: '2.1',
  id: CERTMESH_PROJECT_IDENTITY_ID,
  created: DEFINED_AT,
  modified: DEFINED_AT,
  name: 'certmesh project',
  description: 'The open-source certmesh project, which defines the certmesh STIX extensions.',
  identity_class: 'organization',
} as const)

/** STIX 2.1 §7.3 extension-definition for the signature property-extension. */
export const signatureExtensionDefinition = Object.freeze({
  type: 'extension-definition',
  spec_version: '2.1',
  id: SIGNATURE_EXTENSION_ID,
  created_by_ref: CERTMESH_PROJECT_IDENTITY_ID,
  created: DEFINED_AT,
  modified: DEFINED_AT,
  name: 'certmesh Ed25519 object signature',
  description:
    'Ed25519 signature by the object creator over the UTF-8 bytes of the RFC 8785 canonical JSON of the ' +
    'object without this extension (and without "extensions" if it is then empty). public_key and signature ' +
    'are base64url without padding. See docs/protocol.md section 3.',
  schema: SIGNATURE_EXTENSION_SCHEMA_URL,
  version: '1.0.0',
  extension_types: Object.freeze(['property-extension'] as const),
} as const)

import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../../../../test/corpus.js'
import { base64urlEncode } from './base64url.js'
import {
  CERTMESH_PROJECT_IDENTITY_ID,
  certmeshProjectIdentity,
  SIGNATURE_EXTENSION_FIELDS,
  SIGNATURE_EXTENSION_ID,
  SIGNATURE_EXTENSION_SCHEMA_URL,
  signatureExtensionDefinition,
} from './extension.js'
import { signObject } from './sign-object.js'

const STIX_ID = /^[a-z0-9-]+--[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/

const schema = JSON.parse(readFileSync(`${repoRoot}/docs/signature-extension.schema.json`, 'utf8')) as {
  $id: string
  required: string[]
  additionalProperties: boolean
  properties: Record<string, { const?: string; pattern?: string }>
}

describe('signature extension-definition (STIX 2.1 §7.3)', () => {
  it('has the required STIX properties and well-formed ids and timestamps', () => {
    const d = signatureExtensionDefinition
    expect(d.type).toBe('extension-definition')
    expect(d.spec_version).toBe('2.1')
    expect(d.id).toBe(SIGNATURE_EXTENSION_ID)
    expect(d.id).toMatch(STIX_ID)
    expect(d.created_by_ref).toBe(CERTMESH_PROJECT_IDENTITY_ID)
    expect(d.created).toMatch(TIMESTAMP)
    expect(d.modified).toBe(d.created)
    expect(d.extension_types).toEqual(['property-extension'])
    expect(d).not.toHaveProperty('extension_properties')
    expect(d.version).toBe('1.0.0')
    expect(d.schema).toBe(SIGNATURE_EXTENSION_SCHEMA_URL)
  })

  it('is created by the project identity, which is a valid STIX identity', () => {
    expect(certmeshProjectIdentity).toMatchObject({ type: 'identity', spec_version: '2.1', id: CERTMESH_PROJECT_IDENTITY_ID })
    expect(certmeshProjectIdentity.id).toMatch(STIX_ID)
    expect(certmeshProjectIdentity.name.length).toBeGreaterThan(0)
  })

  it('is frozen so no caller can change the shipped objects', () => {
    expect(Object.isFrozen(signatureExtensionDefinition)).toBe(true)
    expect(Object.isFrozen(signatureExtensionDefinition.extension_types)).toBe(true)
    expect(Object.isFrozen(certmeshProjectIdentity)).toBe(true)
  })
})

describe('docs/signature-extension.schema.json', () => {
  it('is the file the extension-definition points to', () => {
    expect(schema.$id).toBe(SIGNATURE_EXTENSION_SCHEMA_URL)
    expect(SIGNATURE_EXTENSION_SCHEMA_URL.endsWith('/docs/signature-extension.schema.json')).toBe(true)
  })

  it('requires exactly the four fields the code writes', () => {
    expect([...schema.required].sort()).toEqual([...SIGNATURE_EXTENSION_FIELDS].sort())
    expect(Object.keys(schema.properties).sort()).toEqual([...SIGNATURE_EXTENSION_FIELDS].sort())
    expect(schema.additionalProperties).toBe(false)
  })

  it('has patterns that accept real encodings and reject non-canonical ones', () => {
    const pk = new RegExp(schema.properties.public_key!.pattern!)
    const sig = new RegExp(schema.properties.signature!.pattern!)
    for (let i = 0; i < 50; i++) {
      const seed = Uint8Array.from({ length: 32 }, (_, j) => (i * 31 + j * 7) & 0xff)
      const signed = signObject({ type: 'x-test', n: i }, seed)
      const entry = (signed.extensions as Record<string, Record<string, string>>)[SIGNATURE_EXTENSION_ID]!
      expect(entry.public_key).toMatch(pk)
      expect(entry.signature).toMatch(sig)
      expect(entry.extension_type).toBe(schema.properties.extension_type!.const)
      expect(entry.alg).toBe(schema.properties.alg!.const)
    }
    expect(base64urlEncode(new Uint8Array(32).fill(0xff))).toMatch(pk)
    expect(`${'A'.repeat(42)}B`).not.toMatch(pk)
    expect(`${'A'.repeat(85)}B`).not.toMatch(sig)
    expect(`${'A'.repeat(84)}==`).not.toMatch(sig)
  })
})

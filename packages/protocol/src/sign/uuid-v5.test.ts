import { describe, expect, it } from 'vitest'
import { UuidError, uuidV5 } from './uuid-v5.js'

describe('uuidV5', () => {
  it('matches the RFC 9562 Appendix A.4 example', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
  })

  it('matches the STIX 2.1 §2.9 SCO id example (namespace 00abedb4-…)', () => {
    // STIX 2.1 §2.9: domain-name "example.com" hashes to this id under the SCO namespace.
    expect(uuidV5('00abedb4-aa42-466c-9c01-fed23315a9b7', '{"value":"example.com"}')).toBe(
      'bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
    )
  })

  it('encodes the name as UTF-8 and sets version and variant bits', () => {
    const id = uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'é')
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(id).not.toBe(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'e'))
  })

  it('refuses a malformed namespace', () => {
    expect(() => uuidV5('6BA7B810-9DAD-11D1-80B4-00C04FD430C8', 'x')).toThrow(UuidError)
    expect(() => uuidV5('not-a-uuid', 'x')).toThrow(/not a lowercase UUID/)
  })
})

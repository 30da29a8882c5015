import { describe, expect, it } from 'vitest'
import { acceptsTaxii } from './media.js'

describe('acceptsTaxii (TAXII 2.1 §1.6.8.1, RFC 9110 §12.5.1)', () => {
  it.each([undefined, '', '*/*', 'application/*', 'application/taxii+json', 'application/taxii+json;version=2.1', 'text/plain, application/taxii+json;q=0.5'])(
    'accepts %j',
    (h) => expect(acceptsTaxii(h)).toBe(true),
  )
  it.each(['application/json', 'application/taxii+json;version=2.0', 'application/taxii+json;q=0', '*/*;q=0', 'text/*'])('refuses %j', (h) =>
    expect(acceptsTaxii(h)).toBe(false),
  )
})

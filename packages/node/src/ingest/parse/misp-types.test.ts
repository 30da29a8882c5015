import { describe, expect, it } from 'vitest'
import { ipStixType, mapMispValue, mappedMispTypes, mispTypeRule } from './misp-types.js'

function map(type: string, value: string) {
  const rule = mispTypeRule(type)
  if (!rule) return 'skipped'
  return mapMispValue(rule, type, value)
}

describe('MISP type rules', () => {
  it('maps hash types to STIX hash-algorithm-ov names, with or without a file name', () => {
    expect(map('sha3-256', 'ab')).toEqual({ parts: [{ stixType: 'file', property: 'hashes.SHA3-256', value: 'ab' }] })
    expect(map('filename|tlsh', 'a.exe|T1AB')).toEqual({ name: 'a.exe', parts: [{ stixType: 'file', property: 'hashes.TLSH', value: 'T1AB' }] })
    expect(map('filename|ssdeep', 'b.dll|3:abc:def')).toMatchObject({ parts: [{ property: 'hashes.SSDEEP', value: '3:abc:def' }] })
  })

  it('drops ports and registry values, splitting at the right separator', () => {
    expect(map('hostname|port', 'c2.example|443')).toEqual({ parts: [{ stixType: 'domain-name', property: 'value', value: 'c2.example' }] })
    expect(map('ip-dst|port', '2001:db8::5|8080')).toEqual({ parts: [{ stixType: 'ipv6-addr', property: 'value', value: '2001:db8::5' }] })
    expect(map('regkey|value', 'HKLM\\Run|a|b')).toEqual({ parts: [{ stixType: 'windows-registry-key', property: 'key', value: 'HKLM\\Run' }] })
  })

  it('reports empty parts', () => {
    expect(map('domain|ip', 'a.example|')).toEqual({ error: 'domain|ip value has an empty second part' })
    expect(map('filename|md5', 'x.exe| ')).toEqual({ error: 'filename|md5 value has an empty second part' })
    expect(map('url', '  ')).toEqual({ error: 'url value has an empty first part' })
  })

  it('leaves out types without a STIX observable of our kinds', () => {
    for (const t of ['imphash', 'authentihash', 'sha224', 'link', 'uri', 'text', 'btc', 'target-email', 'filename', 'port', 'AS']) {
      expect(mispTypeRule(t)).toBeUndefined()
    }
    expect(mappedMispTypes()).toHaveLength(14 + 16)
  })

  it('tells IPv6 from IPv4 by the colon', () => {
    expect([ipStixType('10.0.0.0/8'), ipStixType('::ffff:1.2.3.4')]).toEqual(['ipv4-addr', 'ipv6-addr'])
  })
})

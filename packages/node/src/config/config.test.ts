import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../test/temp-dir.js'
import { ConfigError, loadConfig } from './config.js'
import { CONFIG_FILE, DEFAULT_VALIDITY_DAYS } from './defaults.js'
import { parseHostPort } from './host-port.js'
import { configTemplate } from './template.js'

function dirWith(text?: string): string {
  const dir = tempDir('certmesh-config-')
  if (text !== undefined) writeFileSync(join(dir, CONFIG_FILE), text)
  return dir
}

describe('loadConfig', () => {
  it('runs on embedded defaults when there is no file', () => {
    const c = loadConfig(dirWith())
    expect(c.http.listen).toEqual({ host: '127.0.0.1', port: 8080 })
    expect(c.indicators.defaultTlp).toBe('amber')
    expect(c.indicators.validityDays).toEqual(DEFAULT_VALIDITY_DAYS)
  })

  it('reads the file init writes and gets the same defaults back', () => {
    const c = loadConfig(dirWith(configTemplate({ name: 'Kommunal-CERT Nord', httpListen: '127.0.0.1:9999' })))
    expect(c.name).toBe('Kommunal-CERT Nord')
    expect(c.http.listen.port).toBe(9999)
    expect(c.indicators.defaultConfidence).toBe(50)
    expect(c.p2p.listen).toEqual(['/ip4/0.0.0.0/tcp/4001'])
  })

  it.each([
    ['[http]\nlisten = "nope"', 'http.listen'],
    ['[http]\nlisten = "127.0.0.1:99999"', 'port must be'],
    ['[indicators]\ndefault_tlp = "orange"', 'indicators.default_tlp: must be one of'],
    ['[indicators]\ndefault_confidence = 101', 'from 0 to 100'],
    ['[http]\nlisen = "127.0.0.1:1"', 'http.lisen: unknown setting'],
    ['[htp]\nlisten = "x"', 'htp: unknown section'],
    ['[http]\ntls_cert = "c.pem"', 'must be set together'],
    ['[indicators.validity_days]\nfoo = 3', 'unknown observable type'],
    ['[node\nname = "x"', 'line 1'],
  ])('rejects %j with a message naming the setting', (text, expected) => {
    expect(() => loadConfig(dirWith(text))).toThrow(ConfigError)
    expect(() => loadConfig(dirWith(text))).toThrow(expected)
  })
})

describe('parseHostPort', () => {
  it('accepts host:port, [v6]:port and a bare port', () => {
    expect(parseHostPort('0.0.0.0:80')).toEqual({ host: '0.0.0.0', port: 80 })
    expect(parseHostPort('[::1]:8443')).toEqual({ host: '::1', port: 8443 })
    expect(parseHostPort('9000')).toEqual({ host: '127.0.0.1', port: 9000 })
    expect(() => parseHostPort('::1:80')).toThrow('brackets')
  })
})

import { readdir, readFile } from 'node:fs/promises'
import { beforeAll, describe, expect, it } from 'vitest'
import { corpusAvailable, corpusPath } from '../../../../test/corpus.js'
import { loadWarninglistDir } from './load.js'
import { WarninglistMatcher } from './matcher.js'
import type { Warninglist } from './types.js'
import { hostOfUrl } from './url-host.js'

/**
 * The 29 upstream lists of the shared corpus and the hits its README computes on real
 * indicators (corpus README, "warninglists/" and "Warning-list hits on real indicators").
 */
describe.skipIf(!corpusAvailable)('MISP warninglists of the corpus', () => {
  let lists: Warninglist[] = []
  let matcher: WarninglistMatcher
  const stems = (type: string, value: string, property?: string) =>
    matcher.match(type, value, property).map((h) => h.listFile?.replace(/\.json$/, ''))

  beforeAll(async () => {
    const result = await loadWarninglistDir(corpusPath('warninglists', 'lists'))
    expect(result.errors).toEqual([])
    lists = result.lists
    matcher = new WarninglistMatcher(lists)
  })

  it('loads every list with its entry count', () => {
    const count = (file: string) => lists.find((l) => l.file === file)?.list.length
    expect(lists).toHaveLength(29)
    expect(count('public-dns-v4.json')).toBe(62_745)
    expect(count('amazon-aws.json')).toBe(3_847)
    expect(count('tranco10k.json')).toBe(10_000)
    expect(count('phone_numbers.json')).toBe(33)
    expect(new Set(lists.map((l) => l.type))).toEqual(new Set(['cidr', 'string', 'hostname', 'substring', 'regex']))
  })

  it.each([
    ['domain-name', 'updates.microsoft.com', ['alexa', 'microsoft', 'tranco10k']],
    ['domain-name', 'updater.microsoft.com', ['alexa', 'microsoft', 'tranco10k']],
    ['domain-name', 'api.telegram.org', ['alexa', 'tranco10k']],
    ['domain-name', 'smtp-mail.outlook.com', ['microsoft', 'tranco10k']],
    ['domain-name', 'toithichdoc.blogspot.com', ['tranco10k']],
    ['ipv4-addr', '52.3.8.25', ['amazon-aws']],
    ['ipv4-addr', '35.214.56.2', ['google-gcp']],
    ['ipv4-addr', '13.58.23.11', ['amazon-aws']],
    ['ipv4-addr', '13.58.249.138', ['amazon-aws']],
    ['ipv4-addr', '18.220.21.112', ['amazon-aws']],
    ['ipv4-addr', '3.147.53.183', ['amazon-aws']],
    ['ipv4-addr', '104.21.1.180', ['cloudflare']],
    ['ipv4-addr', '172.67.129.176', ['cloudflare']],
    ['email-addr', 'abuse@example.org', ['common-contact-emails']],
    ['email-addr', 'security@cert.example.de', ['common-contact-emails']],
    ['email-addr', 'j.doe@example.org', []],
  ])('%s %s hits exactly %j', (type, value, expected) => {
    expect(stems(type, value)).toEqual(expected)
  })

  it('folds the upper-case entries of tlds and the IPv6 lists', () => {
    expect(stems('domain-name', 'com')).toEqual(['tlds'])
    expect(stems('ipv6-addr', '2001:db8:1::1')).toEqual(['rfc3849'])
    expect(stems('ipv6-addr', 'fe80::1')).toEqual(['ipv6-linklocal'])
  })

  it('finds a bare public-DNS address among 62,745 and a URL host in a hostname list', () => {
    expect(stems('ipv4-addr', '1.0.0.19')).toContain('public-dns-v4')
    expect(stems('url', 'https://bit.ly/abc')).toContain('url-shortener')
  })

  it('gives the README table of hits on the MISP events, and nothing else', async () => {
    const dir = corpusPath('misp')
    const found: Record<string, string[]> = {}
    for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json')).sort()) {
      let json: unknown
      try {
        json = JSON.parse(await readFile(`${dir}/${file}`, 'utf8'))
      } catch {
        continue // the malformed PyPI event; its import is another module's concern
      }
      for (const [type, value, property] of observables(json)) {
        for (const hit of matcher.match(type, value, property)) {
          // The README reports a URL by its host, the part that hit.
          const shown = type === 'url' ? hostOfUrl(value) : value
          ;(found[file] ??= []).push(`${hit.listFile?.replace(/\.json$/, '')} ${shown}`)
        }
      }
    }
    for (const k of Object.keys(found)) found[k] = [...new Set(found[k])].sort()
    expect(found).toEqual({
      'moustachedbouncer__misp-moustachedbouncer.event.json': [
        'alexa updates.microsoft.com',
        'amazon-aws 52.3.8.25',
        'google-gcp 35.214.56.2',
        'microsoft updates.microsoft.com',
        'tranco10k updates.microsoft.com',
      ],
      'oceanlotus__oceanlotus-wateringhole-2018.misp.event.json': ['tranco10k toithichdoc.blogspot.com'],
      'stantinko__stantinko.misp-event.json': ['amazon-aws 13.58.23.11', 'amazon-aws 13.58.249.138', 'amazon-aws 18.220.21.112'],
      'telebots__misp-telebots.json': [
        'alexa api.telegram.org',
        'microsoft smtp-mail.outlook.com',
        'tranco10k api.telegram.org',
        'tranco10k smtp-mail.outlook.com',
      ],
    })
  })
})

type Observable = [type: string, value: string, property?: string]

/** The indicator values of a MISP event export, as (observable type, value, property). */
function observables(json: unknown): Observable[] {
  const root = json as { response?: { Event: MispEvent }[]; Event?: MispEvent }
  const events = root.response?.map((r) => r.Event) ?? (root.Event ? [root.Event] : [])
  const out: Observable[] = []
  for (const ev of events) {
    const attrs = [...(ev.Attribute ?? []), ...(ev.Object ?? []).flatMap((o) => o.Attribute ?? [])]
    for (const a of attrs) out.push(...fromAttribute(a.type, a.value))
  }
  return out
}
interface MispEvent {
  Attribute?: { type: string; value: string }[]
  Object?: { Attribute?: { type: string; value: string }[] }[]
}

const HASH_PROPERTY: Record<string, string> = { md5: 'hashes.MD5', sha1: 'hashes.SHA-1', sha256: 'hashes.SHA-256' }

function fromAttribute(type: string, value: string): Observable[] {
  const [first = '', second = ''] = value.split('|')
  const ip = (v: string): Observable => [v.includes(':') ? 'ipv6-addr' : 'ipv4-addr', v]
  if (type === 'ip-src' || type === 'ip-dst') return [ip(value)]
  if (type === 'ip-src|port' || type === 'ip-dst|port') return [ip(first)]
  if (type === 'domain' || type === 'hostname') return [['domain-name', value.toLowerCase()]]
  if (type === 'domain|ip') return [['domain-name', first.toLowerCase()], ip(second)]
  if (type === 'url') return [['url', value]]
  if (type === 'email-src' || type === 'email-dst') return [['email-addr', value.toLowerCase()]]
  const hash = HASH_PROPERTY[type.replace(/^filename\|/, '')]
  if (hash !== undefined) return [['file', (type.includes('|') ? second : value).toLowerCase(), hash]]
  return []
}

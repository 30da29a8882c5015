import { createHash } from 'node:crypto'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeTempDir, tempDir } from '../../../../test/temp-dir.js'
import { DEFAULT_WARNINGLIST_LIMITS } from './limits.js'
import { defaultWarninglistDir, loadDefaultWarninglists, loadWarninglistDir, loadWarninglistFile } from './load.js'
import { WarninglistMatcher } from './matcher.js'

const good = (name: string, list: string[]) =>
  JSON.stringify({ name, version: 1, description: '', matching_attributes: ['domain'], type: 'hostname', list })

describe('loadWarninglistDir', () => {
  let dir = ''
  beforeAll(async () => {
    dir = tempDir('certmesh-wl-')
    await writeFile(join(dir, 'b.json'), good('B', ['b.example']))
    await writeFile(join(dir, 'a.json'), good('A', ['a.example']))
    await writeFile(join(dir, 'broken.json'), '{"name": "x", ')
    await writeFile(join(dir, 'bad-entry.json'), good('C', ['ok.example', 'not ok']))
    await writeFile(join(dir, 'README.md'), '# not a list')
    await mkdir(join(dir, 'sub.json'))
  })
  afterAll(() => {
    removeTempDir(dir)
  })

  it('loads the good files in name order and names each bad one', async () => {
    const { lists, errors } = await loadWarninglistDir(dir)
    expect(lists.map((l) => [l.name, l.file])).toEqual([
      ['A', 'a.json'],
      ['B', 'b.json'],
    ])
    expect(errors.map((e) => [e.file, e.property])).toEqual([
      [join(dir, 'bad-entry.json'), 'list[1]'],
      [join(dir, 'broken.json'), undefined],
    ])
    expect(errors[0]?.message).toBe(`${join(dir, 'bad-entry.json')}: list[1]: host name "not ok" contains white space`)
    expect(errors[1]?.problem).toMatch(/^not valid JSON/)
  })

  it('checks the file size before reading', async () => {
    const limits = { ...DEFAULT_WARNINGLIST_LIMITS, maxFileBytes: 20 }
    await expect(loadWarninglistFile(join(dir, 'a.json'), limits)).rejects.toThrow(/over the limit of 20$/)
  })

  it('throws for a folder that cannot be read', async () => {
    await expect(loadWarninglistDir(join(dir, 'missing'))).rejects.toMatchObject({
      name: 'WarninglistError',
      file: join(dir, 'missing'),
    })
  })
})

describe('the built-in set (no corpus needed)', () => {
  it('loads without errors and is small', async () => {
    const { lists, errors } = await loadDefaultWarninglists()
    expect(errors).toEqual([])
    expect(lists.map((l) => l.file)).toContain('rfc1918.json')
    expect(lists.length).toBeGreaterThanOrEqual(14)
  })

  it('is byte-identical to upstream, as recorded in MANIFEST.tsv', async () => {
    const dir = defaultWarninglistDir()
    const rows = (await readFile(join(dir, 'MANIFEST.tsv'), 'utf8')).trim().split('\n').slice(1)
    const { lists } = await loadDefaultWarninglists()
    expect(rows.map((r) => r.split('\t')[0]).sort()).toEqual(lists.map((l) => l.file).sort())
    let total = 0
    for (const row of rows) {
      const [file, bytes, sha256] = row.split('\t')
      const data = await readFile(join(dir, file ?? ''))
      expect([file, data.length, createHash('sha256').update(data).digest('hex')]).toEqual([file, Number(bytes), sha256])
      total += data.length
    }
    expect(total).toBeLessThan(200 * 1024)
  })

  it('flags private, documentation, link-local and empty-file values, and nothing ordinary', async () => {
    const m = new WarninglistMatcher((await loadDefaultWarninglists()).lists)
    const files = (type: string, value: string, property?: string) =>
      m.match(type, value, property).map((h) => h.listFile)
    expect(files('ipv4-addr', '10.1.2.3')).toEqual(['rfc1918.json', 'rfc5735.json'])
    expect(files('ipv4-addr', '10.0.0.0/16')).toEqual(['rfc1918.json', 'rfc5735.json'])
    expect(files('ipv4-addr', '11.0.0.1')).toEqual([])
    expect(files('ipv4-addr', '100.64.1.1')).toEqual(['rfc6598.json'])
    expect(files('ipv4-addr', '239.1.2.3')).toEqual(['multicast.json', 'rfc5735.json'])
    expect(files('ipv6-addr', 'fe80::1ff:fe23:4567:890a')).toEqual(['ipv6-linklocal.json'])
    expect(files('ipv6-addr', '2001:db8::1')).toEqual(['rfc3849.json'])
    expect(files('ipv6-addr', '2a00:1450:4001:80b::200e')).toEqual([])
    const sha256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    expect(files('file', sha256, 'hashes.SHA-256')).toEqual(['common-ioc-false-positive.json', 'empty-hashes.json'])
    expect(files('file', 'd41d8cd98f00b204e9800998ecf8427e', 'hashes.MD5')).toEqual(['common-ioc-false-positive.json', 'empty-hashes.json'])
    expect(files('file', '44d88612fea8a8f36de82e1278abb02f', 'hashes.MD5')).toEqual(['eicar.com.json'])
    expect(files('domain-name', 'example.com')).toEqual(['rfc6761.json'])
    expect(files('domain-name', 'bit.ly')).toEqual(['url-shortener.json'])
    expect(files('url', 'https://bit.ly/3xYz')).toEqual(['url-shortener.json'])
    expect(files('domain-name', 'api.ipify.org')).toEqual(['whats-my-ip.json'])
    expect(files('domain-name', 'www.virustotal.com')).toEqual(['automated-malware-analysis.json'])
    expect(files('domain-name', 'c2.evil-domain.test')).toEqual([])
  })
})

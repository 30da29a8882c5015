import { readFileSync } from 'node:fs'
import { request } from 'node:https'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ListenError, listenHttp } from './listen.js'

const tls = join(dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/tls')

function get(url: string, ca: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, { ca }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
      .on('error', reject)
      .end()
  })
}

describe('listenHttp with TLS', () => {
  it('serves HTTPS with the configured certificate and key', async () => {
    const l = await listenHttp({
      listen: { host: '127.0.0.1', port: 0 },
      tls: { cert: join(tls, 'cert.pem'), key: join(tls, 'key.pem') },
      fetch: () => new Response('secure'),
    })
    try {
      expect(l.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(await get(`${l.url}/`, readFileSync(join(tls, 'cert.pem')))).toEqual({ status: 200, body: 'secure' })
    } finally {
      await l.close()
    }
  })

  it('says which file it cannot read', async () => {
    await expect(
      listenHttp({ listen: { host: '127.0.0.1', port: 0 }, tls: { cert: join(tls, 'missing.pem'), key: join(tls, 'key.pem') }, fetch: () => new Response('') }),
    ).rejects.toThrow(ListenError)
  })
})

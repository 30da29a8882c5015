import { describe, expect, it } from 'vitest'
import { ListenError, listenHttp } from './listen.js'

describe('listenHttp', () => {
  it('serves on a free loopback port and closes cleanly', async () => {
    const l = await listenHttp({ listen: { host: '127.0.0.1', port: 0 }, fetch: () => new Response('ok') })
    try {
      const res = await fetch(`${l.url}/`)
      expect(await res.text()).toBe('ok')
    } finally {
      await l.close()
    }
  })

  it('says clearly when the port is in use', async () => {
    const a = await listenHttp({ listen: { host: '127.0.0.1', port: 0 }, fetch: () => new Response('a') })
    try {
      await expect(listenHttp({ listen: a.address, fetch: () => new Response('b') })).rejects.toThrow(ListenError)
      await expect(listenHttp({ listen: a.address, fetch: () => new Response('b') })).rejects.toThrow(/already in use/)
    } finally {
      await a.close()
    }
  })
})

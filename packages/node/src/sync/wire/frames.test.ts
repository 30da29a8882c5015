import { streamPair } from '@libp2p/utils'
import { lpStream } from '@libp2p/utils'
import { describe, expect, it } from 'vitest'
import { WireError } from '../errors.js'
import { FrameStream } from './frames.js'

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p
  } catch (err) {
    if (err instanceof WireError) return err.code
    throw err
  }
  return undefined
}

describe('length-prefixed frames (docs/protocol.md §9.2)', () => {
  it('carries messages both ways', async () => {
    const [a, b] = await streamPair()
    const fa = new FrameStream(a, 1024)
    const fb = new FrameStream(b, 1024)
    await fa.write({ type: 'pull', after: 5, limit: 10 }, 1000)
    expect(await fb.read(['pull'], 1000)).toEqual({ type: 'pull', after: 5, limit: 10 })
    await fb.write({ type: 'end', through: 5, head: 9, more: true }, 1000)
    expect(await fa.read(['end'], 1000)).toEqual({ type: 'end', through: 5, head: 9, more: true })
  })

  it('refuses a frame over the read limit without buffering it', async () => {
    const [a, b] = await streamPair()
    const raw = lpStream(a)
    void raw.write(new Uint8Array(2000).fill(0x20))
    expect(await codeOf(new FrameStream(b, 1024).read(['pull'], 1000))).toBe('frame-too-large')
  })

  it('refuses a length prefix longer than the limit needs', async () => {
    const [a, b] = await streamPair()
    a.send(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))
    expect(await codeOf(new FrameStream(b, 1024).read(['pull'], 1000))).toBe('frame-too-large')
  })

  it('reports a stream that ends in the middle of a frame', async () => {
    const [a, b] = await streamPair()
    a.send(Uint8Array.from([10, 0x7b, 0x7d]))
    await a.close()
    expect(await codeOf(new FrameStream(b, 1024).read(['pull'], 2000))).toBe('malformed-frame')
  })

  it('times out a silent peer', async () => {
    const [, b] = await streamPair()
    expect(await codeOf(new FrameStream(b, 1024).read(['pull'], 50))).toBe('malformed-frame')
  })

  it('refuses to send a frame over the write limit', async () => {
    const [a] = await streamPair()
    expect(await codeOf(new FrameStream(a, 1024, 64).write({ type: 'error', code: 'x', message: 'y'.repeat(100) }, 1000))).toBe('frame-too-large')
  })
})

import { describe, expect, it } from 'vitest'
import { MAX_BATCH_OBJECTS, MAX_OBJECT_BYTES, MAX_PULL_LIMIT } from '../constants.js'
import { WireError } from '../errors.js'
import { decodeMessage, encodeMessage, type WireMessage } from './messages.js'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const ALL = ['pull', 'batch', 'end', 'error', 'notify'] as const

function code(f: () => unknown): string | undefined {
  try {
    f()
  } catch (err) {
    if (err instanceof WireError) return err.code
    throw err
  }
  return undefined
}

describe('wire messages (docs/protocol.md §9.3)', () => {
  it('round-trips every message type', () => {
    const msgs: WireMessage[] = [
      { type: 'pull', after: 0, limit: 20_000 },
      { type: 'batch', through: 42, objects: ['{"a":1}', '{"b":"\\u00e9 ü"}'] },
      { type: 'end', through: 42, head: 50, more: true },
      { type: 'error', code: 'not-allowed', message: 'no' },
      { type: 'notify', head: 7 },
      { type: 'notify', head: 7, rewind: 2 },
    ]
    for (const m of msgs) expect(decodeMessage(encodeMessage(m), ALL)).toEqual(m)
  })

  it('keeps object texts byte for byte', () => {
    const text = '{"z":1,  "a":"x\\ny", "n":1.0}'
    const m = decodeMessage(encodeMessage({ type: 'batch', through: 1, objects: [text] }), ['batch'])
    expect(m.objects[0]).toBe(text)
  })

  it('ignores unknown members (forward compatible)', () => {
    expect(decodeMessage(bytes('{"type":"notify","head":3,"future":true}'), ['notify'])).toEqual({ type: 'notify', head: 3 })
  })

  it.each([
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'malformed-frame'],
    ['not JSON', bytes('{"type":'), 'malformed-frame'],
    ['empty', new Uint8Array(0), 'malformed-frame'],
    ['an array', bytes('[1]'), 'malformed-frame'],
    ['no type', bytes('{"head":1}'), 'malformed-frame'],
    ['negative seq', bytes('{"type":"notify","head":-1}'), 'malformed-frame'],
    ['fractional seq', bytes('{"type":"notify","head":1.5}'), 'malformed-frame'],
    ['negative rewind', bytes('{"type":"notify","head":3,"rewind":-1}'), 'malformed-frame'],
    ['unsafe integer', bytes('{"type":"notify","head":9007199254740993}'), 'malformed-frame'],
    ['seq as string', bytes('{"type":"end","through":"1","head":1,"more":false}'), 'malformed-frame'],
    ['more not boolean', bytes('{"type":"end","through":1,"head":1,"more":1}'), 'malformed-frame'],
    ['limit 0', bytes('{"type":"pull","after":0,"limit":0}'), 'malformed-frame'],
    ['limit too high', bytes(`{"type":"pull","after":0,"limit":${MAX_PULL_LIMIT + 1}}`), 'malformed-frame'],
    ['objects not a list', bytes('{"type":"batch","through":1,"objects":"x"}'), 'malformed-frame'],
    ['object not a string', bytes('{"type":"batch","through":1,"objects":[{"a":1}]}'), 'malformed-frame'],
  ])('refuses a frame that is %s', (_name, frame, expected) => {
    expect(code(() => decodeMessage(frame, ALL))).toBe(expected)
  })

  it('refuses a message of a type not expected here, and unknown types', () => {
    expect(code(() => decodeMessage(encodeMessage({ type: 'notify', head: 1 }), ['pull']))).toBe('unexpected-message')
    expect(code(() => decodeMessage(bytes('{"type":"gossip"}'), ['pull']))).toBe('unexpected-message')
  })

  it('enforces the batch limits: object count and object size', () => {
    const many = { type: 'batch', through: 1, objects: Array.from({ length: MAX_BATCH_OBJECTS + 1 }, () => '{}') }
    expect(code(() => decodeMessage(bytes(JSON.stringify(many)), ['batch']))).toBe('bad-batch')
    const big = { type: 'batch', through: 1, objects: ['x'.repeat(MAX_OBJECT_BYTES + 1)] }
    expect(code(() => decodeMessage(bytes(JSON.stringify(big)), ['batch']))).toBe('bad-batch')
    // Multi-byte characters count in UTF-8 bytes, not UTF-16 units.
    const wide = { type: 'batch', through: 1, objects: ['é'.repeat(MAX_OBJECT_BYTES / 2 + 1)] }
    expect(code(() => decodeMessage(bytes(JSON.stringify(wide)), ['batch']))).toBe('bad-batch')
    const fits = { type: 'batch', through: 1, objects: ['é'.repeat(MAX_OBJECT_BYTES / 2)] }
    expect(decodeMessage(bytes(JSON.stringify(fits)), ['batch']).objects).toHaveLength(1)
  })
})

import { describe, expect, it } from 'vitest'
import { InputTooLargeError } from './errors.js'
import { assertInputSize, stripBom, utf8Length } from './input-size.js'

describe('input size', () => {
  it('measures UTF-8 length without encoding', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a\ud800b', 'x'.repeat(1000) + '日本']) {
      expect(utf8Length(s)).toBe(Buffer.byteLength(s, 'utf8'))
    }
  })

  it('accepts input at the limit and refuses one byte more', () => {
    expect(() => assertInputSize('ééé', 'f', 6)).not.toThrow()
    expect(() => assertInputSize('ééé!', 'f', 6)).toThrow(InputTooLargeError)
    expect(() => assertInputSize('ééé!', 'f', 6)).toThrow('f: input is 7 bytes, over the limit of 6 bytes')
  })

  it('strips one leading BOM only', () => {
    expect(stripBom('\ufeff\ufeffa')).toBe('\ufeffa')
    expect(stripBom('a\ufeff')).toBe('a\ufeff')
  })
})

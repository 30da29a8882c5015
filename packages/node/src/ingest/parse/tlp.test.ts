import { describe, expect, it } from 'vitest'
import { isTlpTag, moreRestrictive, normalizeTlp } from './tlp.js'

describe('normalizeTlp', () => {
  it.each([
    ['tlp:amber', 'amber'],
    ['TLP:CLEAR', 'clear'],
    [' TLP:White ', 'clear'],
    ['white', 'clear'],
    ['tlp:amber+strict', 'amber+strict'],
    ['GREEN', 'green'],
    ['tlp:red', 'red'],
    ['tlp:ex:chr', undefined],
    ['amber strict', undefined],
    ['', undefined],
  ])('%j → %s', (raw, expected) => {
    expect(normalizeTlp(raw)).toBe(expected)
  })

  it('recognises tlp-taxonomy tags and orders markings by restriction', () => {
    expect([isTlpTag('tlp:ex:chr'), isTlpTag('TLP:AMBER'), isTlpTag('misp-galaxy:tlp')]).toEqual([true, true, false])
    expect(moreRestrictive('amber', 'green')).toBe('amber')
    expect(moreRestrictive('amber', 'amber+strict')).toBe('amber+strict')
    expect(moreRestrictive(undefined, 'clear')).toBe('clear')
    expect(moreRestrictive('red', undefined)).toBe('red')
  })
})

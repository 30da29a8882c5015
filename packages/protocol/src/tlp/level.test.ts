import { describe, expect, it } from 'vitest'
import { TLP_LEVELS, compareTlp, isTlp, tlpName, tlpRank } from './level.js'

describe('TLP levels', () => {
  it('orders clear < green < amber < amber+strict < red', () => {
    expect(TLP_LEVELS).toEqual(['clear', 'green', 'amber', 'amber+strict', 'red'])
    expect(TLP_LEVELS.map(tlpRank)).toEqual([0, 1, 2, 3, 4])
    expect(compareTlp('amber', 'amber+strict')).toBeLessThan(0)
    expect(compareTlp('red', 'clear')).toBeGreaterThan(0)
    expect(compareTlp('green', 'green')).toBe(0)
  })

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(TLP_LEVELS)).toBe(true)
  })

  it('recognises exactly the five TLP 2.0 level strings', () => {
    for (const tlp of TLP_LEVELS) expect(isTlp(tlp)).toBe(true)
    for (const other of ['white', 'AMBER', 'tlp:red', 'amber-strict', '', null, 3, undefined]) expect(isTlp(other)).toBe(false)
  })

  it('names levels as the published marking objects do', () => {
    expect(TLP_LEVELS.map(tlpName)).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'])
  })
})

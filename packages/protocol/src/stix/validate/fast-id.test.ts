import { describe, expect, it } from 'vitest'
import { stixIdProblem } from '../id.js'
import { idProblem } from './fast-id.js'

const UUID = '0d1d1285-1564-4aa5-ac44-aa600f6009c7'
const CASES = [
  `indicator--${UUID}`, `x-acme-thing--${UUID}`, `abc--${UUID.toUpperCase()}`, `ab--${UUID}`, `${'a'.repeat(250)}--${UUID}`,
  `${'a'.repeat(251)}--${UUID}`, `1abc--${UUID}`, `ab-c---${UUID}`, `abc---${UUID}`, `a--b--${UUID}`, `abc-${UUID}`,
  `Indicator--${UUID}`, `indi_cator--${UUID}`, `indicator--0d1d1285-1564-6aa5-ac44-aa600f6009c7`,
  `indicator--0d1d1285-1564-4aa5-cc44-aa600f6009c7`, `indicator--0d1d1285-1564-4aa5-Bc44-aa600f6009c7`,
  `indicator--0d1d1285-1564-4aa5-ac44-aa600f6009c`, `indicator--0d1d1285-1564-4aa5-ac44-aa600f6009g7`,
  `indicator--0d1d128515644aa5ac44aa600f6009c7aaaa`, `indicator--${UUID}x`, '', '--', `--${UUID}`,
]

describe('idProblem agrees with stixIdProblem', () => {
  it.each(CASES)('%j', (id) => {
    expect(idProblem(id)).toBe(stixIdProblem(id))
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { configureLogging, createLogger } from './log.js'

describe('logger', () => {
  afterEach(() => configureLogging({ level: 'silent' }))

  it('writes one JSON line per record, namespaced, at or above the level', () => {
    const lines: string[] = []
    configureLogging({ level: 'info', sink: { write: (l) => lines.push(l) } })
    const log = createLogger('store').child('migrate')
    log.debug('hidden')
    log.info('migrated', { from: 0, to: 1, err: new Error('x') })
    expect(lines).toHaveLength(1)
    const rec = JSON.parse(lines[0]!)
    expect(rec).toMatchObject({ level: 'info', ns: 'certmesh:store:migrate', msg: 'migrated', from: 0, to: 1 })
    expect(rec.err).toEqual({ name: 'Error', message: 'x' })
  })
})

import { describe, expect, it } from 'vitest'
import { StatusStore, type StatusResource } from './status-store.js'

const status = (id: string): StatusResource => ({
  id,
  status: 'complete',
  request_timestamp: '2026-11-28T00:00:00.000000Z',
  total_count: 0,
  success_count: 0,
  successes: [],
  failure_count: 0,
  failures: [],
  pending_count: 0,
  pendings: [],
})

describe('StatusStore', () => {
  it('shows a status only to the token that created it', () => {
    const s = new StatusStore(4)
    s.put('a', status('1'))
    expect(s.get('a', '1')?.id).toBe('1')
    expect(s.get('b', '1')).toBeUndefined()
  })

  it('drops the least recently used beyond its capacity', () => {
    const s = new StatusStore(2)
    s.put('a', status('1'))
    s.put('a', status('2'))
    s.get('a', '1')
    s.put('a', status('3'))
    expect(s.size).toBe(2)
    expect(s.get('a', '2')).toBeUndefined()
    expect(s.get('a', '1')).toBeDefined()
    expect(s.get('a', '3')).toBeDefined()
  })
})

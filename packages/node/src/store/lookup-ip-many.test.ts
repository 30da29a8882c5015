import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from './open.js'
import { cidrObservable, ipv4, ipv6, newId, removeTempDirs, silentLogger, tempDbPath, version } from './test-support.js'
import type { Store } from './writer.js'

let store: Store

beforeAll(() => {
  store = openStore(tempDbPath(), { now: () => Date.UTC(2024, 5, 1), logger: silentLogger })
  for (const cidr of ['10.0.0.0/8', '10.20.0.0/16', '10.20.30.0/24', '10.20.30.40', '10.20.30.40', '192.168.1.0/24', '2001:db8::/32', '2001:db8:1::1']) {
    store.put(version({ id: newId(), observables: [cidrObservable(cidr)] }))
  }
})
afterAll(() => {
  store.close()
  removeTempDirs()
})

const shape = (ms: { object: { seq: number }; prefix: number; key: string }[]) => ms.map((m) => [m.object.seq, m.prefix, m.key])

describe('lookupIpMany', () => {
  it('answers each address exactly as lookupIp does, in the same order', () => {
    const v4 = ['10.20.30.40', '10.20.30.41', '10.20.30.40', '10.99.0.1', '11.0.0.1', '192.168.1.200'].map(ipv4)
    const many = store.lookupIpMany(4, v4)
    expect(many).toHaveLength(v4.length)
    v4.forEach((bytes, i) => expect(shape(many[i]!)).toEqual(shape(store.lookupIp(4, bytes))))
    // Five networks contain 10.20.30.40 (two indicators of the /32), most specific first.
    expect(many[0]!.map((m) => m.prefix)).toEqual([32, 32, 24, 16, 8])
    expect(many[4]).toEqual([])
    const v6 = ['2001:db8:1::1', '2001:db9::1'].map(ipv6)
    store.lookupIpMany(6, v6).forEach((ms, i) => expect(shape(ms)).toEqual(shape(store.lookupIp(6, v6[i]!))))
  })

  it('answers an empty list with an empty list and refuses a wrong address length', () => {
    expect(store.lookupIpMany(4, [])).toEqual([])
    expect(() => store.lookupIpMany(4, [ipv6('2001:db8::1')])).toThrow(/lookupIpMany/)
  })
})

import { afterEach, describe, expect, it } from 'vitest'
import { prepareVersion } from '../ingest/prepare.js'
import { openStore } from '../store/open.js'
import { newId, removeTempDirs, silentLogger, tempDbPath } from '../store/test-support.js'
import { SIGHTING_KEY_PREFIX, sightingObservables, withSightingIndex } from './index-key.js'
import { sightingsFor } from './summary.js'

const IND = 'indicator--11111111-1111-4111-8111-111111111111'
const ORG_A = 'identity--aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'
const ORG_B = 'identity--bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb'

function sighting(by: string, extra: Record<string, unknown>, id = newId('sighting'), modified = '2025-01-01T00:00:00.000Z') {
  const obj = { type: 'sighting', spec_version: '2.1', id, created: '2025-01-01T00:00:00.000Z', modified, created_by_ref: by, sighting_of_ref: IND, ...extra }
  return withSightingIndex(prepareVersion(obj, JSON.stringify(obj), { origin: 'peer-x' }), obj)
}

describe('sighting index key and sightingsFor', () => {
  afterEach(removeTempDirs)

  it('indexes only sightings, under sighting-of:<indicator id>', () => {
    expect(sightingObservables({ type: 'sighting', sighting_of_ref: IND })).toEqual([
      { key: `${SIGHTING_KEY_PREFIX}${IND}`, type: 'sighting', property: 'sighting_of_ref', value: IND },
    ])
    expect(sightingObservables({ type: 'indicator', sighting_of_ref: IND })).toEqual([])
    expect(sightingObservables({ type: 'sighting' })).toEqual([])
    const v = sighting(ORG_A, {})
    expect(withSightingIndex(v, JSON.parse(v.json) as Record<string, unknown>).observables).toHaveLength(1)
  })

  it('sums counts per reporter (absent count = 1), keeps the latest last_seen, counts only current versions', () => {
    const store = openStore(tempDbPath(), { logger: silentLogger })
    const names: Record<string, string> = { [ORG_B]: 'CERT B' }
    const updated = newId('sighting')
    store.putBatch([
      sighting(ORG_A, { count: 2, last_seen: '2025-01-02T00:00:00Z' }),
      sighting(ORG_A, { first_seen: '2025-01-05T00:00:00Z' }),
      sighting(ORG_B, { count: 7 }),
      sighting(ORG_B, { count: 1 }, updated),
      // A newer version of the same sighting replaces the old count.
      sighting(ORG_B, { count: 4 }, updated, '2025-01-03T00:00:00.000Z'),
      sighting(ORG_A, { count: 100, revoked: true }),
    ])
    expect(sightingsFor(store, IND, { name: (id) => names[id] })).toEqual({
      count: 14,
      by: [
        { identity_id: ORG_B, name: 'CERT B', count: 11 },
        { identity_id: ORG_A, count: 3, last_seen: '2025-01-05T00:00:00Z' },
      ],
    })
    store.close()
  })
})

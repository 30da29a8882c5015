import { Hono } from 'hono'
import { BadRequestError, ForbiddenError } from '../../../errors.js'
import { recordSightings, type SightingDeps, type SightingReport } from '../../../sighting/index.js'
import { jsonBody } from '../body.js'
import type { HttpEnv } from '../context.js'
import { INDICATORS_COLLECTION, mayWrite } from '../taxii/collections.js'
import { formatMicros, parseDateTime } from '../feeds/time.js'

/** Token right that may report sightings: write on the indicators collection, by alias or id (or all, or admin). */
export const SIGHTING_COLLECTION = INDICATORS_COLLECTION.alias
export const MAX_SIGHTING_COUNT = 999_999_999
export const MAX_WHERE_LENGTH = 1024
export const MAX_SIGHTING_VALUE_LENGTH = 8 * 1024
/** Same tolerance as the store's rule for `modified` (DESIGN.md invariant 3). */
export const MAX_FUTURE_SEEN_MS = 10 * 60_000

const FIELDS = ['value', 'indicator_id', 'count', 'first_seen', 'last_seen', 'where'] as const
const INDICATOR_ID = /^indicator--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

function seenField(body: Record<string, unknown>, name: string, now: number): { text: string; us: number } | undefined {
  const raw = body[name]
  if (raw === undefined || raw === null) return undefined
  if (typeof raw !== 'string') throw new BadRequestError(`${name}: must be an RFC 3339 timestamp string, got ${typeof raw}`)
  const us = parseDateTime(raw, name)
  if (us / 1000 > now + MAX_FUTURE_SEEN_MS) throw new BadRequestError(`${name}: ${raw} is in the future`)
  return { text: us % 1000 === 0 ? new Date(us / 1000).toISOString() : formatMicros(us), us }
}

/** The request body as a SightingReport; every problem is a 400 naming the field. */
export function parseSightingReport(body: Record<string, unknown>, now: number): SightingReport {
  for (const name of Object.keys(body)) {
    if (name === 'observed_data') throw new BadRequestError('observed_data: not supported; report the value or the indicator_id')
    if (!(FIELDS as readonly string[]).includes(name))
      throw new BadRequestError(`unknown field '${name.slice(0, 40)}'; a sighting takes ${FIELDS.join(', ')}`)
  }
  const { value, indicator_id: indicatorId, count = 1, where } = body
  if ((value === undefined) === (indicatorId === undefined)) throw new BadRequestError('give exactly one of value and indicator_id')
  if (value !== undefined && (typeof value !== 'string' || value.trim() === '' || value.length > MAX_SIGHTING_VALUE_LENGTH))
    throw new BadRequestError(`value: must be a non-empty string of at most ${MAX_SIGHTING_VALUE_LENGTH} characters`)
  if (indicatorId !== undefined && (typeof indicatorId !== 'string' || !INDICATOR_ID.test(indicatorId)))
    throw new BadRequestError(`indicator_id: must be an indicator id (indicator--<uuid>), got ${String(JSON.stringify(indicatorId)).slice(0, 80)}`)
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_SIGHTING_COUNT)
    throw new BadRequestError(`count: must be a whole number from 1 to ${MAX_SIGHTING_COUNT}, got ${String(JSON.stringify(count)).slice(0, 40)}`)
  if (where !== undefined && (typeof where !== 'string' || where.length > MAX_WHERE_LENGTH))
    throw new BadRequestError(`where: must be a string of at most ${MAX_WHERE_LENGTH} characters`)
  const first = seenField(body, 'first_seen', now)
  const last = seenField(body, 'last_seen', now)
  // STIX 2.1 §5.3: last_seen MUST be greater than or equal to first_seen.
  if (first && last && last.us < first.us) throw new BadRequestError(`last_seen ${last.text} is earlier than first_seen ${first.text}`)
  return {
    ...(typeof value === 'string' && { value: value.trim() }),
    ...(typeof indicatorId === 'string' && { indicatorId: indicatorId.toLowerCase() }),
    count,
    ...(first && { firstSeen: first.text }),
    ...(last && { lastSeen: last.text }),
    ...(typeof where === 'string' && where.trim() !== '' && { where: where.trim() }),
  }
}

/** POST /sightings, mounted under /api/v1: a SIEM reports a hit (DESIGN.md, HTTP: Sightings). */
export function sightingRoutes(deps: SightingDeps): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()
  app.post('/sightings', async (c) => {
    if (!mayWrite(c.get('token').rights, INDICATORS_COLLECTION))
      throw new ForbiddenError(`this token may not write to the '${SIGHTING_COLLECTION}' collection, which reporting a sighting needs`)
    const now = (deps.now ?? Date.now)()
    const report = parseSightingReport(await jsonBody(c), now)
    const sightings = recordSightings({ ...deps, now: () => now }, report)
    return c.json({ sightings }, 201)
  })
  return app
}

import { parseTlpArgument, type Tlp } from '@certmesh/protocol'
import type { Context } from 'hono'
import { BadRequestError } from '../../../errors.js'
import { intParam } from '../body.js'
import { parseDateTime } from './time.js'

/** What a feed request asks for (docs/siem.md, Firewalls and DNS resolvers). */
export interface FeedParams {
  readonly minConfidence?: number
  readonly tlpMax?: Tlp
  /** Microseconds since the epoch; present = incremental (additions and removals). */
  readonly sinceUs?: number
}

export const FEED_PARAM_NAMES = ['min_confidence', 'tlp_max', 'since'] as const

/** The feed's query parameters, or a 400 naming the first wrong one. Unknown names are refused so a typo is not silently ignored. */
export function feedParams(c: Context): FeedParams {
  for (const name of Object.keys(c.req.queries())) {
    if (!(FEED_PARAM_NAMES as readonly string[]).includes(name))
      throw new BadRequestError(`unknown query parameter '${name.slice(0, 40)}'; a feed takes ${FEED_PARAM_NAMES.join(', ')}`)
  }
  for (const [name, values] of Object.entries(c.req.queries())) {
    if (values.length > 1) throw new BadRequestError(`${name}: give it once, got ${values.length} values`)
  }
  const minConfidence = intParam(c, 'min_confidence', 0, 100)
  const rawTlp = c.req.query('tlp_max')
  let tlpMax: Tlp | undefined
  if (rawTlp !== undefined && rawTlp !== '') {
    try {
      tlpMax = parseTlpArgument(rawTlp.trim().replace(/[ _]/g, '+'))
    } catch {
      throw new BadRequestError(`tlp_max: must be one of clear, green, amber, amber+strict, red, got '${rawTlp.slice(0, 40)}'`)
    }
  }
  const rawSince = c.req.query('since')
  const sinceUs = rawSince === undefined || rawSince === '' ? undefined : parseDateTime(rawSince.trim(), 'since')
  return {
    ...(minConfidence !== undefined && { minConfidence }),
    ...(tlpMax !== undefined && { tlpMax }),
    ...(sinceUs !== undefined && { sinceUs }),
  }
}

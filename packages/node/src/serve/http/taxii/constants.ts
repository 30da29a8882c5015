/**
 * TAXII 2.1 (OASIS Standard, 10 June 2021) constants used by the server. Every number
 * and name the TAXII endpoints depend on is written down here once.
 */

/** §1.6.8.1: the only media type this server speaks, for requests and responses. */
export const TAXII_MEDIA_TYPE = 'application/taxii+json'
export const TAXII_VERSION = '2.1'
export const TAXII_CONTENT_TYPE = `${TAXII_MEDIA_TYPE};version=${TAXII_VERSION}`

/** §5.2 collection `media_types`: what the objects in a collection are. */
export const STIX_CONTENT_TYPE = 'application/stix+json;version=2.1'

/** Where the router mounts TAXII (app.ts) and the one API root below it (§4.1, §4.2). */
export const TAXII_PREFIX = '/taxii2'
export const API_ROOT_NAME = 'api'

/** §3.4: the server picks the page size when the client sends none, and caps larger ones. */
export const DEFAULT_PAGE_LIMIT = 100
export const MAX_PAGE_LIMIT = 1000

/**
 * A collection defined by a predicate (e.g. active indicators) may have to read past
 * rows it does not serve; one request reads at most this many before it returns a short
 * page with `more: true`, so a pathological store cannot stall a worker.
 */
export const MAX_ROWS_SCANNED_PER_PAGE = 20_000

/** §4.3 status resources are kept in memory, newest first, up to this many (LRU). */
export const STATUS_CACHE_SIZE = 1024

/** Store meta key of the per-node secret that authenticates `next` tokens. */
export const NEXT_SECRET_META_KEY = 'taxii.next_secret'

/** Longest query parameter value read before it is refused (§3.5 parameters, invariant 7). */
export const MAX_PARAM_LENGTH = 64 * 1024
/** Most values accepted in one comma-separated match[] list. */
export const MAX_MATCH_VALUES = 1000

/** RFC 9110 §11.6.1: both schemes the server accepts are offered when credentials are missing. */
export const AUTH_CHALLENGES = ['Basic realm="certmesh TAXII", charset="UTF-8"', 'Bearer realm="certmesh TAXII"'] as const

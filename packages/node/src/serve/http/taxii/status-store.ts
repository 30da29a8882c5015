import { STATUS_CACHE_SIZE } from './constants.js'

/** TAXII 2.1 §4.3.1 status-details. */
export interface StatusDetails {
  id: string
  version?: string
  message?: string
}

/** TAXII 2.1 §4.3.1 status resource. */
export interface StatusResource {
  id: string
  status: 'complete' | 'pending'
  request_timestamp: string
  total_count: number
  success_count: number
  successes: StatusDetails[]
  failure_count: number
  failures: StatusDetails[]
  pending_count: number
  pendings: StatusDetails[]
}

/**
 * Status resources of POSTs, in memory. certmesh stores a POST before it answers, so a
 * status is `complete` at once and only the client that posted reads it back: keeping the
 * last STATUS_CACHE_SIZE in memory (least recently used out) is enough, and a restart
 * forgets them (documented in docs/taxii.md). Each is visible only to the API token that
 * created it.
 */
export class StatusStore {
  readonly #entries = new Map<string, { keyId: string; status: StatusResource }>()

  constructor(private readonly capacity = STATUS_CACHE_SIZE) {}

  put(keyId: string, status: StatusResource): void {
    this.#entries.delete(status.id)
    this.#entries.set(status.id, { keyId, status })
    while (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next().value as string
      this.#entries.delete(oldest)
    }
  }

  get(keyId: string, id: string): StatusResource | undefined {
    const e = this.#entries.get(id)
    if (e === undefined || e.keyId !== keyId) return undefined
    this.#entries.delete(id)
    this.#entries.set(id, e)
    return e.status
  }

  get size(): number {
    return this.#entries.size
  }
}

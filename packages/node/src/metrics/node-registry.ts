import { MetricsRegistry } from './registry.js'

const registries = new WeakMap<object, MetricsRegistry>()

/**
 * The one metrics registry of a node (or of any owner object: tests use their own).
 * Components that are given the node register their metrics here, e.g. the sync service:
 *   nodeRegistry(node).counter({ name: 'certmesh_sync_objects_received_total', help: '…', labelNames: ['peer'] })
 * and GET /metrics renders it. Keyed weakly, so a stopped node's registry goes with it.
 */
export function nodeRegistry(owner: object): MetricsRegistry {
  let r = registries.get(owner)
  if (r === undefined) registries.set(owner, (r = new MetricsRegistry()))
  return r
}

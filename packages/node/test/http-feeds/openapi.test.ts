import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiDocument } from '../../src/serve/http/openapi/index.js'
import { buildApp } from '../../src/serve/http/app.js'
import { startFeedNode, type FeedTestNode } from './harness.js'

/** Hono's '/objects/:id{.+}' → OpenAPI's '/objects/{id}'. */
function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}').replace(/\/+$/, '') || '/'
}

function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refsIn(v, out))
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else refsIn(v, out)
    }
  return out
}

describe('OpenAPI description', () => {
  let t: FeedTestNode

  beforeAll(async () => {
    t = await startFeedNode()
  })
  afterAll(async () => {
    await t.close()
  })

  it('describes every non-TAXII route the app serves', () => {
    const doc = openApiDocument()
    const routes = buildApp(t.node)
      .routes.filter((r) => r.method !== 'ALL' && !r.path.startsWith('/taxii2'))
      .map((r) => ({ method: r.method.toLowerCase(), path: openApiPath(r.path) }))
    expect(routes.length).toBeGreaterThan(10)
    const missing = routes.filter((r) => {
      const item = doc.paths[r.path] as Record<string, unknown> | undefined
      return item?.[r.method] === undefined
    })
    expect(missing).toEqual([])
  })

  it('resolves every $ref and gives every operation a unique id', () => {
    const doc = openApiDocument()
    for (const ref of refsIn(doc)) {
      const [, section, name] = /^#\/components\/(schemas|responses)\/(.+)$/.exec(ref) ?? []
      expect(section, ref).toBeDefined()
      expect((doc.components as unknown as Record<string, Record<string, unknown>>)[section!]![name!], ref).toBeDefined()
    }
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.entries(item)
        .filter(([k]) => k !== 'parameters')
        .map(([, op]) => (op as { operationId: string }).operationId),
    )
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('is served at /api/v1/openapi.json without a token', async () => {
    const res = await t.get('/api/v1/openapi.json', null)
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; info: { version: string } }
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info.version).toBe(t.node.info().version)
    expect(Object.keys(doc.paths)).toContain('/api/v1/feeds/{file}')
    // The token check still guards the rest of /api/v1.
    expect((await t.get('/api/v1/node', null)).status).toBe(401)
  })
})

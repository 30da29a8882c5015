import { Hono } from 'hono'
import { BadRequestError, ForbiddenError } from '../../../errors.js'
import type { CertmeshNode } from '../../../node.js'
import { exportChunks } from '../../../query/export.js'
import { objectVersions } from '../../../query/versions.js'
import { boolParam, enumParam, intParam, jsonBody, parseJsonObject } from '../body.js'
import type { HttpEnv } from '../context.js'

/** Most values one lookup call may carry (docs/http-api.md). */
const MAX_LOOKUP_VALUES = 10_000
const MAX_GET_LOOKUP_VALUES = 100
const FORMATS = ['auto', 'stix', 'misp', 'csv', 'txt'] as const

function requireWrite(rights: { admin: boolean; write: 'all' | string[] }): void {
  if (!rights.admin && rights.write !== 'all') throw new ForbiddenError('this needs a token with write rights on all collections')
}

/** The analyst API used by the certmesh CLI (docs/http-api.md). */
export function analystRoutes(node: CertmeshNode): Hono<HttpEnv> {
  const app = new Hono<HttpEnv>()

  app.get('/node', (c) => c.json(node.info()))

  app.post('/indicators', async (c) => {
    requireWrite(c.get('token').rights)
    const body = await jsonBody(c)
    const report = node.ingestor.addIndicator(body as never)
    return c.json(report, report.summary.created > 0 ? 201 : 200)
  })

  app.post('/import', async (c) => {
    requireWrite(c.get('token').rights)
    const format = enumParam(c, 'format', FORMATS, 'auto')
    const confidence = intParam(c, 'confidence', 0, 100)
    const tlp = c.req.query('tlp')
    const fileName = c.req.query('filename') ?? 'upload'
    const bytes = new Uint8Array(await c.req.arrayBuffer())
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      throw new BadRequestError(`${fileName}: not UTF-8 text; certmesh imports STIX/MISP JSON, CSV and text lists`)
    }
    const report = node.ingestor.importText(fileName, text, {
      format,
      adopt: boolParam(c, 'adopt'),
      ...(tlp !== undefined && tlp !== '' && { tlp }),
      ...(confidence !== undefined && { confidence }),
    })
    return c.json(report)
  })

  app.get('/lookup', (c) => {
    const values = c.req.queries('value') ?? []
    if (values.length === 0) throw new BadRequestError("give at least one value: ?value=198.51.100.7")
    if (values.length > MAX_GET_LOOKUP_VALUES)
      throw new BadRequestError(`at most ${MAX_GET_LOOKUP_VALUES} values per GET; POST /api/v1/lookup takes up to ${MAX_LOOKUP_VALUES}`)
    return c.json(node.lookup.lookup(values, { includeInactive: boolParam(c, 'include_inactive') }))
  })

  app.post('/lookup', async (c) => {
    const body = await jsonBody(c)
    const values = body.values
    if (!Array.isArray(values) || values.some((v) => typeof v !== 'string'))
      throw new BadRequestError('values: must be a list of strings')
    if (values.length > MAX_LOOKUP_VALUES) throw new BadRequestError(`values: at most ${MAX_LOOKUP_VALUES} per request, got ${values.length}`)
    return c.json(node.lookup.lookup(values as string[], { includeInactive: body.include_inactive === true }))
  })

  app.get('/objects/:id', (c) =>
    c.json(objectVersions(node.store, c.req.param('id'), { identityId: node.signer.identityId, publicKey: node.signer.publicKeyB64 })),
  )

  app.post('/objects/:id/revoke', async (c) => {
    requireWrite(c.get('token').rights)
    const text = await c.req.text()
    let reason: string | undefined
    if (text.trim() !== '') {
      const body = parseJsonObject(text)
      if (body.reason !== undefined && typeof body.reason !== 'string') throw new BadRequestError('reason: must be a string')
      reason = body.reason as string | undefined
    }
    return c.json(node.ingestor.revoke(c.req.param('id'), reason))
  })

  app.get('/export', (c) => {
    const format = enumParam(c, 'format', ['stix', 'csv', 'txt'] as const, 'stix')
    const minConfidence = intParam(c, 'min_confidence', 0, 100)
    const type = c.req.query('type')
    const { contentType, chunks } = exportChunks(node.store, {
      format,
      ...(type !== undefined && type !== '' && { type }),
      ...(minConfidence !== undefined && { minConfidence }),
      includeRevoked: boolParam(c, 'include_revoked'),
      now: node.now(),
    })
    const iterator = chunks[Symbol.iterator]()
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = iterator.next()
        if (next.done) controller.close()
        else controller.enqueue(encoder.encode(next.value))
      },
    })
    return new Response(stream, { headers: { 'content-type': contentType } })
  })

  return app
}

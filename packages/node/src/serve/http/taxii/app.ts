import { Hono } from 'hono'
import { TAXII_PREFIX } from './constants.js'
import { createLogger } from '../../../log.js'
import type { CertmeshNode } from '../../../node.js'
import { requireTaxiiToken } from './auth.js'
import type { TaxiiEnv } from './context.js'
import type { TaxiiDeps } from './deps.js'
import { notFound, taxiiErrorResponse } from './errors.js'
import { requireTaxiiAccept } from './media.js'
import { NextTokens } from './next-token.js'
import { collectionRoutes } from './resources/collections.js'
import { discoveryRoutes } from './resources/discovery.js'
import { manifestRoutes } from './resources/manifest.js'
import { objectRoutes } from './resources/object.js'
import { objectsRoutes } from './resources/objects.js'
import { statusRoutes } from './resources/status.js'
import { versionsRoutes } from './resources/versions.js'
import { StatusStore } from './status-store.js'

/**
 * The TAXII 2.1 server (docs/taxii.md) under /taxii2/, a sub-app that serve/http/app.ts mounts.
 * Every request is authenticated, then its Accept header checked; every failure becomes
 * a TAXII error resource in one place (errors.ts), including unknown paths.
 */
export function buildTaxiiApp(deps: TaxiiDeps): Hono<TaxiiEnv> {
  const app = new Hono<TaxiiEnv>()
  app.onError((err, c) => taxiiErrorResponse(c, err, deps.log))
  app.use(`${TAXII_PREFIX}/*`, requireTaxiiToken(deps.store.tokens, deps.now), requireTaxiiAccept())
  discoveryRoutes(app, deps)
  collectionRoutes(app)
  objectsRoutes(app, deps)
  objectRoutes(app, deps)
  versionsRoutes(app, deps)
  manifestRoutes(app, deps)
  statusRoutes(app, deps)
  app.all(`${TAXII_PREFIX}/*`, (c) => {
    throw notFound(`no TAXII resource ${c.req.method} ${c.req.path}`)
  })
  return app
}

export function taxiiDeps(node: CertmeshNode): TaxiiDeps {
  return {
    store: node.store,
    ingestor: node.ingestor,
    selfPublicKey: node.signer.publicKeyB64,
    title: node.name,
    maxContentLength: node.config.http.maxBodyBytes,
    next: NextTokens.forStore(node.store),
    statuses: new StatusStore(),
    now: node.now,
    log: createLogger('taxii'),
  }
}

export function taxiiRoutes(node: CertmeshNode): Hono<TaxiiEnv> {
  return buildTaxiiApp(taxiiDeps(node))
}

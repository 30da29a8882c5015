// @certmesh/node — the daemon's parts, in data-flow order.
export * from './config/index.js'
export * from './log.js'
export * from './ingest/parse/index.js'
export * from './sign/key-file.js'
export * from './sign/signer.js'
export * from './sign/identity.js'
export * from './serve/http/listen.js'
export * from './warninglist/index.js'

// @certmesh/protocol — pure, I/O-free building blocks shared by node and CLI.
export * from './canonical/index.js'
export * from './sign/index.js'
export * from './tlp/index.js'
export * from './stix/index.js'
export * from './observable/index.js'
export * from './pattern/index.js'
export * from './check/index.js'
export * from './peer/index.js'

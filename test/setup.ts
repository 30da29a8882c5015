// Test-wide set-up. libp2p 3 needs Promise.withResolvers (Node 22); the polyfill is
// loaded here exactly as the node entry loads it.
export {}

// Test-wide set-up, loaded before any test file: the libp2p polyfill (exactly as the
// node entry loads it) and quiet logs unless a test captures them.
import '../packages/node/src/polyfill.js'
import { configureLogging } from '../packages/node/src/log.js'

configureLogging({ level: 'silent' })

// Test-wide set-up, loaded before any test file: the libp2p polyfill (exactly as the
// node entry loads it), quiet logs unless a test captures them, and removal of the
// file's temp dirs once its own after-hooks have run (see temp-dir.ts).
import '../packages/node/src/polyfill.js'
import { afterAll } from 'vitest'
import { configureLogging } from '../packages/node/src/log.js'
import { removeAllTempDirs } from './temp-dir.js'

configureLogging({ level: 'silent' })
afterAll(removeAllTempDirs)

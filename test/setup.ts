// Test-wide set-up: logs stay quiet unless a test captures them.
import { configureLogging } from '../packages/node/src/log.js'

configureLogging({ level: 'silent' })

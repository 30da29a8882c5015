/**
 * Child process for crash.test.ts: writes batches of 100 versions, each with the cursor
 * that points past it, as fast as it can, until it is killed. Prints one line per commit.
 */
import { openStore } from './open.js'
import { silentLogger, version } from './test-support.js'

const path = process.argv[2]
if (path === undefined) throw new Error('usage: crash-writer.fixture.ts <db path>')
const store = openStore(path, { logger: silentLogger })
for (let batch = 1; ; batch++) {
  const vs = Array.from({ length: 100 }, (_, i) => version({ note: `${batch}/${i}`, origin: 'peer-x' }))
  store.putBatch(vs, { cursor: { peer: 'peer-x', seq: batch * 100 } })
  process.stdout.write(`committed ${batch}\n`)
}

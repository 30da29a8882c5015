// Worker thread entry of verify-pool.ts. The workspace runs from TypeScript sources, so the
// worker registers tsx (as packages/cli/bin/certmesh.js does) before loading the checks.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { checkObjectText } = await import('./verify.ts')
parentPort.on('message', ({ id, texts }) => {
  parentPort.postMessage({ id, results: texts.map(checkObjectText) })
})
parentPort.postMessage({ ready: true })

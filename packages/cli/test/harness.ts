import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CertmeshNode, initDataDir } from '@certmesh/node'
import { removeTempDir, tempDir } from '../../../test/temp-dir.js'
import { main } from '../src/run.js'
import { memoryIo, type MemoryIo } from '../src/testing/memory-io.js'

export interface RunningNode {
  node: CertmeshNode
  dataDir: string
  url: string
  token: string
  /** Runs a CLI command against this node; returns exit code and output. */
  cli(args: string[], stdin?: string): Promise<{ code: number; io: MemoryIo }>
  /** Stops the node, then removes its temp dir. */
  stop(): Promise<void>
}

/** A real node on a temp data directory, HTTP on a free loopback port. */
export async function startNode(name = 'Test-CERT'): Promise<RunningNode> {
  const root = tempDir('certmesh-cli-')
  const dataDir = join(root, 'node')
  initDataDir({ dataDir, name, http: '127.0.0.1:0', p2p: '/ip4/127.0.0.1/tcp/0' })
  const node = await CertmeshNode.open(dataDir)
  await node.start()
  const token = readFileSync(join(dataDir, 'admin.token'), 'utf8').trim()
  return {
    node,
    dataDir,
    url: node.httpUrl,
    token,
    async cli(args, stdin = '') {
      const io = memoryIo(stdin)
      const code = await main([...args, '--url', node.httpUrl, '--token', token], io)
      return { code, io }
    },
    async stop() {
      await node.stop()
      removeTempDir(root)
    },
  }
}

import { generateKeyPairFromSeed } from '@libp2p/crypto/keys'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { peerIdFromPublicKey } from '@certmesh/protocol'
import { nodeEd25519 } from '@certmesh/protocol/node-crypto'
import { expect, it } from 'vitest'
it('the peer id computed without libp2p equals libp2p\'s own for Ed25519 keys', async () => {
  for (let i = 0; i < 5; i++) {
    const seed = new Uint8Array(32).map(() => Math.floor(Math.random() * 256))
    const key = await generateKeyPairFromSeed('Ed25519', seed)
    const pid = peerIdFromPrivateKey(key).toString()
    expect(peerIdFromPublicKey(nodeEd25519.getPublicKey(seed))).toBe(pid)
  }
})

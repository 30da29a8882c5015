export { base58btcDecode, base58btcEncode } from './base58.js'
export { PeerIdError, peerIdFromPublicKey, publicKeyFromPeerId } from './peer-id.js'

/**
 * Objects every node already ships (docs/protocol.md §4.3 and §5.2): the TLP 2.0 and TLP
 * 1.0 marking definitions, the OASIS TLP 2.0 extension-definition, and certmesh's
 * signature extension-definition with the project identity that created it. A bundle
 * that carries them is fine; they are known, never stored from input.
 */
// The list and the rule live in the protocol package, shared with `certmesh validate`.
export { isBuiltinId } from '@certmesh/protocol'

// Builds the location strings used in CanonicalizationError messages. Plain identifiers use
// dot notation; anything else is quoted with JSON string syntax so the path is unambiguous.
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

export const ROOT_PATH = '$'

export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`
  return IDENTIFIER.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`
}

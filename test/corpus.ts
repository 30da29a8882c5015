import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The shared test corpus lives beside the repository (`../shared/corpus`) on developer
 * machines and in CI, but not in a user's fresh clone. Tests that read it use
 * `corpusAvailable` with `describe.skipIf(!corpusAvailable)` and announce the skip.
 */
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const corpusDir = process.env.CERTMESH_CORPUS ?? join(repoRoot, '..', 'shared', 'corpus')
export const corpusAvailable = existsSync(corpusDir)

let announced = false
/** Returns the path of a corpus file; prints once per test file when the corpus is absent. */
export function corpusPath(...parts: string[]): string {
  if (!corpusAvailable && !announced) {
    announced = true
    process.stderr.write(`[certmesh tests] corpus not found at ${corpusDir}: corpus-based tests are skipped\n`)
  }
  return join(corpusDir, ...parts)
}
export { repoRoot }

// Regenerates packages/protocol/vectors/signatures/ from src/sign/testing/signature-vectors.ts.
// Run: pnpm exec tsx packages/protocol/scripts/make-signature-vectors.ts
// Only needed when vectors are added; the signature test fails if the files drift.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildSignatureVectors } from '../src/sign/testing/signature-vectors.js'

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'vectors', 'signatures')
for (const sub of ['valid', 'invalid']) rmSync(join(outDir, sub), { recursive: true, force: true })
const files = buildSignatureVectors()
for (const file of files) {
  const path = join(outDir, file.path)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, file.text)
}
process.stdout.write(`wrote ${files.length} files to ${outDir}\n`)

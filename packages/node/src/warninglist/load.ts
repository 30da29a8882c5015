import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { WarninglistError } from './errors.js'
import { DEFAULT_WARNINGLIST_LIMITS, type WarninglistLimits } from './limits.js'
import type { Warninglist } from './types.js'
import { validateWarninglist } from './validate.js'

export { validateWarninglist } from './validate.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Parse and validate one MISP warninglist from its JSON text or bytes. `file` names the
 * source in errors and becomes the list's `file` (its base name).
 */
export function parseWarninglist(
  input: string | Uint8Array,
  file: string,
  limits: WarninglistLimits = DEFAULT_WARNINGLIST_LIMITS,
): Warninglist {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength
  if (size > limits.maxFileBytes) {
    throw new WarninglistError(file, undefined, `file is ${size} bytes, over the limit of ${limits.maxFileBytes}`)
  }
  let text: string
  try {
    text = typeof input === 'string' ? input : utf8.decode(input)
  } catch {
    throw new WarninglistError(file, undefined, 'file is not valid UTF-8')
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new WarninglistError(file, undefined, `not valid JSON: ${(e as Error).message}`)
  }
  const list = validateWarninglist(json, file, limits)
  list.file = basename(file)
  return list
}

/** Read one list file; the size is checked before the file is read. */
export async function loadWarninglistFile(
  path: string,
  limits: WarninglistLimits = DEFAULT_WARNINGLIST_LIMITS,
): Promise<Warninglist> {
  let bytes: Uint8Array
  try {
    const st = await stat(path)
    if (!st.isFile()) throw new WarninglistError(path, undefined, 'not a regular file')
    if (st.size > limits.maxFileBytes) {
      throw new WarninglistError(path, undefined, `file is ${st.size} bytes, over the limit of ${limits.maxFileBytes}`)
    }
    bytes = await readFile(path)
  } catch (e) {
    if (e instanceof WarninglistError) throw e
    throw new WarninglistError(path, undefined, `cannot read the file: ${(e as Error).message}`)
  }
  return parseWarninglist(bytes, path, limits)
}

/** What a folder of lists gave: the lists that loaded, and one error per file that did not. */
export interface WarninglistDirResult {
  lists: Warninglist[]
  errors: WarninglistError[]
}

/**
 * Load every `*.json` file directly in `dir`, in file-name order. A bad file is reported
 * in `errors` (naming it) and the others still load. A missing or unreadable folder is
 * itself an error, thrown, because the caller asked for it explicitly.
 */
export async function loadWarninglistDir(
  dir: string,
  limits: WarninglistLimits = DEFAULT_WARNINGLIST_LIMITS,
): Promise<WarninglistDirResult> {
  let names: string[]
  try {
    const entries = await readdir(dir, { withFileTypes: true })
    names = entries.filter((e) => !e.isDirectory() && e.name.toLowerCase().endsWith('.json')).map((e) => e.name)
  } catch (e) {
    throw new WarninglistError(dir, undefined, `cannot read the folder: ${(e as Error).message}`)
  }
  names.sort()
  const result: WarninglistDirResult = { lists: [], errors: [] }
  for (const name of names) {
    try {
      result.lists.push(await loadWarninglistFile(join(dir, name), limits))
    } catch (e) {
      if (!(e instanceof WarninglistError)) throw e
      result.errors.push(e)
    }
  }
  return result
}

/** The folder of lists shipped with certmesh (`packages/node/warninglists/`). */
export function defaultWarninglistDir(): string {
  return fileURLToPath(new URL('../../warninglists/', import.meta.url))
}

/** The built-in set; see `packages/node/warninglists/README.md`. */
export function loadDefaultWarninglists(
  limits: WarninglistLimits = DEFAULT_WARNINGLIST_LIMITS,
): Promise<WarninglistDirResult> {
  return loadWarninglistDir(defaultWarninglistDir(), limits)
}

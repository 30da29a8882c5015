import { existsSync } from 'node:fs'
import type { NodeConfig } from '../config/config.js'
import type { Logger } from '../log.js'
import { loadDefaultWarninglists, loadWarninglistDir } from './load.js'
import { WarninglistMatcher } from './matcher.js'
import type { Warninglist } from './types.js'

/**
 * The node's lists: the built-in set (unless `[warninglists] builtin = false`) plus every
 * *.json in the operator's folder. A bad list file is logged and left out; the node still
 * starts, because a false-positive filter must not stop intelligence from flowing.
 */
export async function loadNodeWarninglists(config: NodeConfig, log: Logger): Promise<WarninglistMatcher> {
  const lists: Warninglist[] = []
  if (config.warninglists.builtin) lists.push(...(await loadDefaultWarninglists()).lists)
  if (existsSync(config.warninglists.dir)) {
    const extra = await loadWarninglistDir(config.warninglists.dir)
    for (const e of extra.errors) log.warn('warninglist not loaded', { file: e.file, problem: e.message })
    lists.push(...extra.lists)
  }
  return new WarninglistMatcher(lists)
}

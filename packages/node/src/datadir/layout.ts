import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ADMIN_TOKEN_FILE, CONFIG_FILE, DATABASE_FILE, KEY_FILE } from '../config/defaults.js'

/** Where each file of a node lives inside its data directory. */
export interface DataDirLayout {
  dir: string
  config: string
  key: string
  database: string
  adminToken: string
}

export function dataDirLayout(dir: string): DataDirLayout {
  const abs = resolve(dir)
  return {
    dir: abs,
    config: join(abs, CONFIG_FILE),
    key: join(abs, KEY_FILE),
    database: join(abs, DATABASE_FILE),
    adminToken: join(abs, ADMIN_TOKEN_FILE),
  }
}

/** A directory holds a node when it has a key; config and database alone are not enough. */
export function isInitialised(dir: string): boolean {
  return existsSync(dataDirLayout(dir).key)
}
